import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// IntersectionObserver v2 as Chromium has it, played by the test: it records what is observed, and the test
// delivers the browser's answers (entries) when it likes, as the browser does at its next frame.
class FakeEntry {
  get isVisible() {
    return false;
  }
}
class FakeObserver {
  static last: FakeObserver | null = null;
  static made = 0;
  observed = new Set<object>();
  queued: Array<{ target: object; isVisible: boolean }> = [];
  readonly calls: string[] = [];
  constructor(
    readonly callback: (entries: unknown[]) => void,
    readonly options: { trackVisibility?: boolean; delay?: number },
  ) {
    FakeObserver.last = this;
    FakeObserver.made++;
  }
  observe(target: object) {
    this.observed.add(target);
    this.calls.push('observe');
  }
  unobserve(target: object) {
    this.observed.delete(target);
    this.calls.push('unobserve');
  }
  disconnect() {
    this.observed.clear();
    this.calls.push('disconnect');
  }
  takeRecords() {
    return this.queued.splice(0);
  }
  answer(target: object, isVisible: boolean) {
    this.callback([{ target, isVisible }]);
  }
}

const button = { name: 'log' };
const report = { name: 'report' };

async function load(withV2: boolean) {
  vi.resetModules();
  vi.stubGlobal('IntersectionObserverEntry', withV2 ? FakeEntry : class {});
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  FakeObserver.last = null;
  FakeObserver.made = 0;
  const { BrowserVisibility } = await import('../../lib/content/click-guard');
  return new BrowserVisibility([button, report] as unknown as Element[]);
}
const observer = () => FakeObserver.last as FakeObserver;

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the browser's own verdict on whether the control is shown (IntersectionObserver v2)", () => {
  it('where the browser has none (Firefox), leaves the decision to the other checks', async () => {
    const visibility = await load(false);
    visibility.watch();
    expect(visibility.isVisible(button as unknown as Element)).toBe(true);
    expect(FakeObserver.made).toBe(0);
  });

  it('watches both buttons, tracking visibility as often as v2 allows, once a person is at the control', async () => {
    const visibility = await load(true);
    visibility.watch();
    visibility.watch();
    expect(FakeObserver.made).toBe(1);
    expect(observer().options).toEqual({ trackVisibility: true, delay: 100 });
    expect(observer().observed).toEqual(new Set([button, report]));
  });

  it('answers at once from a "visible" it already has', async () => {
    const visibility = await load(true);
    visibility.watch();
    observer().answer(button, true);
    expect(visibility.isVisible(button as unknown as Element)).toBe(true);
  });

  it('asks afresh when it has no answer yet, and waits for the next one', async () => {
    const visibility = await load(true);
    const answer = visibility.isVisible(button as unknown as Element);
    expect(answer).toBeInstanceOf(Promise);
    observer().answer(button, false);
    await expect(answer).resolves.toBe(false);
  });

  it('asks afresh on a "hidden" that may be stale (the control was busy, and faded, a moment ago)', async () => {
    const visibility = await load(true);
    visibility.watch();
    observer().answer(button, false);
    observer().calls.length = 0;
    const answer = visibility.isVisible(button as unknown as Element);
    expect(observer().calls).toEqual(['unobserve', 'observe']);
    observer().answer(button, true);
    await expect(answer).resolves.toBe(true);
  });

  it('reads an answer the browser has queued but not yet delivered', async () => {
    const visibility = await load(true);
    visibility.watch();
    observer().answer(button, true);
    observer().queued.push({ target: button, isVisible: false }); // covered since
    const answer = visibility.isVisible(button as unknown as Element);
    expect(answer).toBeInstanceOf(Promise);
    observer().answer(button, false);
    await expect(answer).resolves.toBe(false);
  });

  it('keeps the answers of the two buttons apart', async () => {
    const visibility = await load(true);
    visibility.watch();
    observer().answer(report, true);
    const answer = visibility.isVisible(button as unknown as Element);
    expect(answer).toBeInstanceOf(Promise);
    observer().answer(button, false);
    await expect(answer).resolves.toBe(false);
    expect(visibility.isVisible(report as unknown as Element)).toBe(true);
  });

  it('says "not shown" when the browser gives no answer in time (the page is not being drawn)', async () => {
    const visibility = await load(true);
    const answer = visibility.isVisible(button as unknown as Element);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(answer).resolves.toBe(false);
  });

  it('stops watching, and forgets its answers, when the person leaves the control', async () => {
    const visibility = await load(true);
    visibility.watch();
    observer().answer(button, true);
    const pending = visibility.isVisible(report as unknown as Element);
    visibility.unwatch();
    expect(observer().calls).toContain('disconnect');
    await expect(pending).resolves.toBe(false);
    expect(visibility.isVisible(button as unknown as Element)).toBeInstanceOf(Promise);
  });
});
