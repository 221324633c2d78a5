import type { ExportReading } from './calendar-export';
import { onceInWorker } from './once-in-worker';

const LIMIT_MS = 120_000;

/**
 * Lists the calendars of Google's export (.zip, or a single .ics) in a worker: the page keeps answering. The
 * worker gets the File (a handle, not its bytes) and checks its size before it reads it.
 */
export function readExportInWorker(file: File, myEmails: readonly string[]): Promise<ExportReading> {
  return onceInWorker<ExportReading>(
    () => new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' }),
    { file, myEmails: [...myEmails] },
    {
      limitMs: LIMIT_MS,
      tooLong: 'opening the file took longer than two minutes, so Bridges stopped',
      failed: 'the file could not be opened',
    },
  );
}
