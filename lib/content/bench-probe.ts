import { browser } from 'wxt/browser';

/**
 * Benchmark builds only (WXT_BENCH=1 wxt build): keeps the cost of each mutation batch, and the time from
 * each trusted click's handler on "Log meeting" to the control showing "Logged" (which it does once the background has
 * committed the meeting), and hands the samples to `npm run bench`, which asks for them from the service
 * worker with tabs.sendMessage. The control's shadow root is closed, so the page cannot time it itself.
 */
export const BENCH_REPORT = 'bridges-bench:report';

export interface BenchSamples {
  batches: number[];
  logs: number[];
}

export interface BenchProbe {
  recordBatch: (ms: number) => void;
  recordLog: (ms: number) => void;
}

export function installBenchProbe(): BenchProbe {
  const samples: BenchSamples = { batches: [], logs: [] };
  browser.runtime.onMessage.addListener(((
    message: unknown,
    _sender: unknown,
    sendResponse: (r: BenchSamples) => void,
  ) => {
    if (message !== BENCH_REPORT) return undefined;
    sendResponse({ batches: samples.batches.splice(0), logs: samples.logs.splice(0) });
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return { recordBatch: (ms) => samples.batches.push(ms), recordLog: (ms) => samples.logs.push(ms) };
}
