/// <reference lib="webworker" />
import { readCalendarExport } from './calendar-export';

// Unpacks Google Calendar's export off the page's main thread (lib/data/export-in-worker.ts starts it).
self.onmessage = (event: MessageEvent<{ name: string; bytes: Uint8Array; myEmails: string[] }>) => {
  const { name, bytes, myEmails } = event.data;
  self.postMessage(readCalendarExport(name, bytes, myEmails));
};
