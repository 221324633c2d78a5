import { browser } from 'wxt/browser';
import type { PrepOptions } from './prep-watch';

/**
 * Benchmark builds only (WXT_BENCH=1 wxt build): keeps the cost of each mutation batch, and the time from
 * each trusted click's handler on "Log meeting" to the control showing "Logged" (which it does once the background has
 * committed the meeting), and hands the samples to `npm run bench`, which asks for them from the service
 * worker with tabs.sendMessage. The control's shadow root is closed, so the page cannot time it itself.
 *
 * Also the time from an event card opening to "Before you meet" telling its first height (its first paint), and
 * the same for an empty extension frame in its place (the floor), which `npm run bench` asks for, round by round,
 * with BENCH_PREP_FLOOR.
 */
export const BENCH_REPORT = 'bridges-bench:report';
export const BENCH_PREP_FLOOR = 'bridges-bench:prep-floor';
export const BENCH_PREP_PANEL = 'bridges-bench:prep-panel';
/** The empty extension frame the floor is measured with (copied into the benchmark build by `npm run bench`). */
export const PREP_FLOOR_PAGE = 'prep-floor.html';

export interface BenchSamples {
  batches: number[];
  logs: number[];
  /** Card open to the panel's first paint, ms. */
  prep: number[];
  /** Card open to the empty frame's first paint, ms. */
  prepFloor: number[];
}

export interface BenchProbe {
  recordBatch: (ms: number) => void;
  recordLog: (ms: number) => void;
  prep: Pick<PrepOptions, 'recordPrep' | 'floorUrl'>;
}

export function installBenchProbe(): BenchProbe {
  const samples: BenchSamples = { batches: [], logs: [], prep: [], prepFloor: [] };
  let floor = false;
  browser.runtime.onMessage.addListener(((
    message: unknown,
    _sender: unknown,
    sendResponse: (r: BenchSamples | boolean) => void,
  ) => {
    if (message === BENCH_PREP_FLOOR || message === BENCH_PREP_PANEL) {
      floor = message === BENCH_PREP_FLOOR;
      sendResponse(floor);
      return true;
    }
    if (message !== BENCH_REPORT) return undefined;
    sendResponse({
      batches: samples.batches.splice(0),
      logs: samples.logs.splice(0),
      prep: samples.prep.splice(0),
      prepFloor: samples.prepFloor.splice(0),
    });
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return {
    recordBatch: (ms) => samples.batches.push(ms),
    recordLog: (ms) => samples.logs.push(ms),
    prep: {
      recordPrep: (ms) => (floor ? samples.prepFloor : samples.prep).push(ms),
      floorUrl: () => (floor ? browser.runtime.getURL(`/${PREP_FLOOR_PAGE}` as '/prep.html') : null),
    },
  };
}
