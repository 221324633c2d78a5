import { browser } from 'wxt/browser';

/**
 * Benchmark builds only (WXT_BENCH=1 wxt build): keeps the cost of each mutation batch and hands the
 * samples to `npm run bench`, which asks for them from the service worker with tabs.sendMessage.
 */
export const BENCH_REPORT = 'bridges-bench:report';

export function installBenchProbe(): (ms: number) => void {
  const samples: number[] = [];
  browser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, sendResponse: (r: number[]) => void) => {
    if (message !== BENCH_REPORT) return undefined;
    sendResponse(samples.splice(0));
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return (ms) => samples.push(ms);
}
