/**
 * Sends one message to a fresh worker and answers with its one reply, so the page keeps answering while the
 * worker reads a file; a worker that runs past `limitMs` or fails is stopped and the promise rejects with a
 * sentence. `start` makes the worker (its `new URL('./….ts', import.meta.url)` must stay literal where it is
 * written, for the bundler to find the worker's file).
 */
export function onceInWorker<T>(
  start: () => Worker,
  message: unknown,
  options: { transfer?: Transferable[]; limitMs: number; tooLong: string; failed: string },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = start();
    const finish = () => {
      clearTimeout(timer);
      worker.terminate();
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(options.tooLong));
    }, options.limitMs);
    worker.onmessage = (event: MessageEvent<T>) => {
      finish();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || options.failed));
    };
    worker.postMessage(message, options.transfer ?? []);
  });
}
