// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaintOf } from '../../lib/ui/after-paint';

// A stand-in for the browser's PerformanceObserver with Element Timing: the test reports paints by hand.
let observers: Array<(entries: Array<{ identifier: string }>) => void> = [];
class FakeObserver {
  static supportedEntryTypes = ['element', 'paint'];
  constructor(private readonly callback: (list: { getEntries(): unknown[] }) => void) {}
  observe() {
    observers.push((entries) => this.callback({ getEntries: () => entries }));
  }
  disconnect() {}
}
const paint = (identifier: string) => {
  for (const o of observers) o([{ identifier }]);
};

function settled(promise: Promise<void>) {
  const state = { done: false };
  void promise.then(() => (state.done = true));
  return state;
}

beforeEach(() => {
  observers = [];
  vi.useFakeTimers();
  vi.stubGlobal('PerformanceObserver', FakeObserver);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('afterPaintOf', () => {
  it("waits for the marked element's paint, not for the frame", async () => {
    document.body.innerHTML = '<span elementtiming="row-a">Priya</span>';
    const state = settled(afterPaintOf('row-a'));
    await vi.advanceTimersByTimeAsync(100); // frames pass; the paint is not reported yet
    expect(state.done).toBe(false);
    paint('another-mark');
    await vi.advanceTimersByTimeAsync(0);
    expect(state.done).toBe(false);
    paint('row-a');
    await vi.advanceTimersByTimeAsync(0);
    expect(state.done).toBe(true);
  });

  it('gives up waiting after its limit, for a paint that is never reported (a hidden page)', async () => {
    document.body.innerHTML = '<span elementtiming="row-b">Priya</span>';
    const state = settled(afterPaintOf('row-b', 500));
    await vi.advanceTimersByTimeAsync(499);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
  });

  it('with nothing marked (an empty list), waits only for the next frame', async () => {
    const state = settled(afterPaintOf('row-c', 500));
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(state.done).toBe(true);
    expect(observers).toHaveLength(0);
  });

  it('without Element Timing (Firefox), waits only for the next frame', async () => {
    FakeObserver.supportedEntryTypes = ['paint'];
    document.body.innerHTML = '<span elementtiming="row-d">Priya</span>';
    const state = settled(afterPaintOf('row-d', 500));
    await vi.advanceTimersByTimeAsync(50);
    expect(state.done).toBe(true);
    FakeObserver.supportedEntryTypes = ['element', 'paint'];
  });

  it('is one wait per mark: a second caller gets the same answer', () => {
    document.body.innerHTML = '<span elementtiming="row-e">Priya</span>';
    expect(afterPaintOf('row-e')).toBe(afterPaintOf('row-e'));
  });
});
