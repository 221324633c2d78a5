import type { FileJob, FileJobResult } from './file-jobs';

/**
 * Runs a job on a whole file in a Web Worker of the page, so the page stays responsive while a large file is
 * read and checked. One worker per job, gone when it answers. The worker is a file of the extension itself
 * (never a blob: address), so the extension pages' script-src 'self' allows it.
 */
export function inWorker<J extends FileJob>(job: J): Promise<FileJobResult<J['job']>> {
  const worker = new Worker(new URL('./file-worker.ts', import.meta.url));
  return new Promise((resolve) => {
    const done = (result: FileJobResult<J['job']>) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<FileJobResult<J['job']>>) => done(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      done({ ok: false, message: `Bridges could not read this file (${event.message || 'its reader stopped'}).` });
    };
    worker.onmessageerror = () => done({ ok: false, message: 'Bridges could not read this file.' });
    worker.postMessage(job);
  });
}
