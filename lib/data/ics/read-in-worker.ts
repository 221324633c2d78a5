import type { IcsReading, ReadIcsOptions } from './read';

/** Longer than any file Bridges accepts takes to read: past it, something is wrong and the reading stops. */
const READ_LIMIT_MS = 120_000;

/**
 * Reads a calendar file in a worker, so that the page keeps answering while a large file is read, and a read
 * that somehow runs away can be stopped. (The reader itself is then in the worker's bundle only.)
 */
export function readIcsInWorker(text: string, options: ReadIcsOptions, limitMs = READ_LIMIT_MS): Promise<IcsReading> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error(`reading the file took longer than ${Math.round(limitMs / 1000)} seconds, so Bridges stopped`));
    }, limitMs);
    worker.onmessage = (event: MessageEvent<IcsReading>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(event.message || 'the file could not be read'));
    };
    worker.postMessage({ text, options });
  });
}
