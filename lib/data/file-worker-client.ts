import type { FileJob, FileJobResult } from './file-jobs';

/**
 * Runs a job on a whole file in the page's Web Worker, so the page stays responsive while a large file is
 * read and checked. The worker is a file of the extension itself (never a blob: address), so the extension
 * pages' script-src 'self' allows it. It stays for a minute after its last job: a second backup or restore
 * finds its code compiled and its database open.
 */
const IDLE_MS = 60_000;

interface Shared {
  worker: Worker;
  pending: Map<number, (result: FileJobResult) => void>;
  idle?: ReturnType<typeof setTimeout>;
}
let shared: Shared | null = null;
let lastId = 0;

function stop(from: Shared, message: string): void {
  from.worker.terminate();
  for (const done of from.pending.values()) done({ ok: false, message });
  from.pending.clear();
  if (shared === from) shared = null;
}

// (No local named `self`: the bundler turns import.meta.url into self.location.href.)
function start(): Shared {
  const worker = new Worker(new URL('./file-worker.ts', import.meta.url));
  const entry: Shared = { worker, pending: new Map() };
  worker.onmessage = (event: MessageEvent<{ id: number; result: FileJobResult }>) => {
    const { id, result } = event.data;
    entry.pending.get(id)?.(result);
    entry.pending.delete(id);
    if (entry.pending.size === 0)
      entry.idle = setTimeout(() => stop(entry, 'Bridges stopped reading the file.'), IDLE_MS);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stop(entry, `Bridges could not read this file (${event.message || 'its reader stopped'}).`);
  };
  worker.onmessageerror = () => stop(entry, 'Bridges could not read this file.');
  return entry;
}

export function inWorker<J extends FileJob>(job: J): Promise<FileJobResult<J['job']>> {
  shared ??= start();
  const current = shared;
  clearTimeout(current.idle);
  const id = ++lastId;
  return new Promise((resolve) => {
    current.pending.set(id, resolve as (result: FileJobResult) => void);
    current.worker.postMessage({ id, job });
  });
}
