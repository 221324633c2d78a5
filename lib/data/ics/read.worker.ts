/// <reference lib="webworker" />
import { type ReadIcsOptions, readIcs } from './read';

// Reads a calendar file off the page's main thread (lib/data/ics/read-in-worker.ts starts it).
self.onmessage = (event: MessageEvent<{ text: string; options: ReadIcsOptions }>) => {
  const { text, options } = event.data;
  self.postMessage(readIcs(text, options));
};
