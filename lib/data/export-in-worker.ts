import type { ExportReading } from './calendar-export';
import { onceInWorker } from './once-in-worker';

const LIMIT_MS = 120_000;

/** Lists the calendars of Google's export (.zip, or a single .ics) in a worker: the page keeps answering. */
export async function readExportInWorker(file: File, myEmails: readonly string[]): Promise<ExportReading> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return onceInWorker<ExportReading>(
    () => new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' }),
    { name: file.name, bytes, myEmails: [...myEmails] },
    {
      transfer: [bytes.buffer],
      limitMs: LIMIT_MS,
      tooLong: 'opening the file took longer than two minutes, so Bridges stopped',
      failed: 'the file could not be opened',
    },
  );
}
