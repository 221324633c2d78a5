/// <reference lib="webworker" />
import { readCalendarFile } from './calendar-export';

// Reads and unpacks Google Calendar's export off the page's main thread (lib/data/export-in-worker.ts starts
// it): the page hands over the File itself, so even reading its bytes happens here, after its size is checked.
self.onmessage = async (event: MessageEvent<{ file: File; myEmails: string[] }>) => {
  const { file, myEmails } = event.data;
  self.postMessage(await readCalendarFile(file, myEmails));
};
