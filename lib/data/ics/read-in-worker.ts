import { onceInWorker } from '../once-in-worker';
import type { IcsReading, ReadIcsOptions } from './read';

/** Longer than any file Bridges accepts takes to read: past it, something is wrong and the reading stops. */
const READ_LIMIT_MS = 120_000;

/**
 * Reads a calendar file in a worker, so that the page keeps answering while a large file is read, and a read
 * that somehow runs away can be stopped. (The reader itself is then in the worker's bundle only.)
 */
export function readIcsInWorker(text: string, options: ReadIcsOptions, limitMs = READ_LIMIT_MS): Promise<IcsReading> {
  return onceInWorker<IcsReading>(
    () => new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' }),
    { text, options },
    {
      limitMs,
      tooLong: `reading the file took longer than ${Math.round(limitMs / 1000)} seconds, so Bridges stopped`,
      failed: 'the file could not be read',
    },
  );
}
