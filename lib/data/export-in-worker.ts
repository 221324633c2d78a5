import type { ExportReading } from './calendar-export';

const LIMIT_MS = 120_000;

/** Lists the calendars of Google's export (.zip, or a single .ics) in a worker: the page keeps answering. */
export function readExportInWorker(file: File, myEmails: readonly string[]): Promise<ExportReading> {
  return file.arrayBuffer().then(
    (buffer) =>
      new Promise<ExportReading>((resolve, reject) => {
        const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
        const timer = setTimeout(() => {
          worker.terminate();
          reject(new Error('opening the file took longer than two minutes, so Bridges stopped'));
        }, LIMIT_MS);
        worker.onmessage = (event: MessageEvent<ExportReading>) => {
          clearTimeout(timer);
          worker.terminate();
          resolve(event.data);
        };
        worker.onerror = (event) => {
          clearTimeout(timer);
          worker.terminate();
          reject(new Error(event.message || 'the file could not be opened'));
        };
        const bytes = new Uint8Array(buffer);
        worker.postMessage({ name: file.name, bytes, myEmails: [...myEmails] }, [bytes.buffer]);
      }),
  );
}
