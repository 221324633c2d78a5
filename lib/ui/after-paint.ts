/**
 * Resolves once the element marked `elementtiming="<identifier>"` has been painted, so that the work a page
 * does after its first paint (loading Dexie, connecting live queries, the rest of the list) does not compete
 * with drawing it. Preact runs effects right after the frame is committed, while it is still being rastered:
 * on a small machine, starting the live part then delays the paint of the list the user is waiting for.
 *
 * Where nothing carries the mark (an empty list, the first run), or the browser has no Element Timing (Firefox),
 * it resolves after the next frame, and never later than `latestMs` in any case: the page must not wait on a
 * paint that is not reported (a hidden page paints nothing).
 */
export function afterPaintOf(identifier: string, latestMs = 500): Promise<void> {
  let promise = waiting.get(identifier);
  if (promise) return promise;
  promise = new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, latestMs);
    const marked = typeof document !== 'undefined' && document.querySelector(`[elementtiming="${identifier}"]`);
    const supported =
      typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('element');
    let observer: PerformanceObserver | undefined;
    if (marked && supported) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => (e as PerformanceEntry & { identifier?: string }).identifier === identifier))
          finish();
      });
      observer.observe({ type: 'element', buffered: true });
    } else if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => setTimeout(finish, 0));
    } else {
      setTimeout(finish, 0);
    }
  });
  waiting.set(identifier, promise);
  return promise;
}

// One wait per mark and page: everything that waits on the first row's paint waits on the same one.
const waiting = new Map<string, Promise<void>>();
