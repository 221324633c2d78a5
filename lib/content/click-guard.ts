import { type ClickFacts, type Layer, whyHidden } from './visibility';

/**
 * Reads, at the moment of a click, whether the Log control was plainly shown where it was clicked (the rules are
 * in visibility.ts). Nothing here runs on Calendar's mutations: the style and geometry reads happen in the click
 * handler, and the browser's own verdict (IntersectionObserver v2) is asked for only while a pointer or the focus
 * is on the control.
 */

// IntersectionObserver v2 (Chromium): not in TypeScript's DOM types yet.
interface TrackingInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  delay: number;
}
interface TrackingEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

const HAS_V2 = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
/** The least v2 allows when it tracks visibility: the browser checks at most this often (ms). */
const TRACK_DELAY = 100;
/** A first answer comes with the next frame; none by this time (ms) means the page is not being drawn. */
const ANSWER_WAIT = 1000;

/**
 * Whether a click on `button` counts: the page showed it plainly where it was clicked (read now, in the click's
 * handler, before the page can change anything) and, where the browser can say, the browser agrees.
 */
export function isShownAt(
  button: HTMLElement,
  host: HTMLElement,
  root: ShadowRoot,
  event: Event,
  browserView: BrowserVisibility,
): boolean | Promise<boolean> {
  return whyHidden(readClickFacts(button, host, root, event)) === null && browserView.isVisible(button);
}

/** The clicked button's facts: its styles up the flat tree, its box, and what is on top where it was clicked. */
export function readClickFacts(button: HTMLElement, host: HTMLElement, root: ShadowRoot, event: Event): ClickFacts {
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  const rect = button.getBoundingClientRect();
  const box = { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
  const mouse = event as MouseEvent;
  // A click from the keyboard (Enter or Space on the focused button) has no place: take the button's middle.
  const point =
    mouse.detail === 0 || mouse.clientX === undefined
      ? { x: box.left + box.width / 2, y: box.top + box.height / 2 }
      : { x: mouse.clientX, y: mouse.clientY };
  const layers: Layer[] = [];
  for (let el: Element | null = button; el && view; el = parentAcross(el)) {
    const style = view.getComputedStyle(el);
    layers.push({
      opacity: style.opacity,
      filter: style.filter,
      clipPath: style.clipPath,
      clip: style.clip,
      maskImage: style.maskImage ?? style.webkitMaskImage ?? 'none',
      mixBlendMode: style.mixBlendMode,
    });
  }
  const top = root.elementFromPoint?.(point.x, point.y) ?? null;
  return {
    rendered: button.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true,
    layers,
    box,
    layout: { width: button.offsetWidth, height: button.offsetHeight },
    point,
    onTop: doc.elementFromPoint(point.x, point.y) === host && top !== null && button.contains(top),
  };
}

/** The parent in the flat tree: a slot the element is shown in, its parent, or the host of its shadow root. */
function parentAcross(el: Element): Element | null {
  return el.assignedSlot ?? el.parentElement ?? (el.parentNode as Partial<ShadowRoot> | null)?.host ?? null;
}

/**
 * The browser's own verdict where it has one (IntersectionObserver v2, Chromium): a button is visible when
 * nothing is drawn over it, even an overlay that lets clicks through (pointer-events: none), and nothing fades,
 * filters or distorts it. Watched while a pointer or the focus is on the control, so that a person's click
 * finds an answer ready; a click that finds none, or a "no" that may be stale (the control was busy, and faded,
 * a moment ago), asks afresh and waits for the next frame.
 */
export class BrowserVisibility {
  private observer: IntersectionObserver | null = null;
  private readonly seen = new Map<Element, boolean>();
  private readonly waiting = new Map<Element, Array<(visible: boolean) => void>>();

  constructor(private readonly targets: readonly Element[]) {}

  static get supported(): boolean {
    return HAS_V2;
  }

  watch(): void {
    if (!HAS_V2 || this.observer) return;
    this.observer = new IntersectionObserver((entries) => this.take(entries), {
      trackVisibility: true,
      delay: TRACK_DELAY,
    } as TrackingInit);
    for (const target of this.targets) this.observer.observe(target);
  }

  unwatch(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.seen.clear();
    for (const resolvers of this.waiting.values()) for (const resolve of resolvers) resolve(false);
    this.waiting.clear();
  }

  /** Whether `target` is visible to the browser; true where the browser cannot say (no v2). */
  isVisible(target: Element): boolean | Promise<boolean> {
    if (!HAS_V2) return true;
    this.watch();
    const observer = this.observer as IntersectionObserver;
    this.take(observer.takeRecords());
    if (this.seen.get(target) === true) return true;
    this.seen.delete(target);
    observer.unobserve(target);
    observer.observe(target);
    return new Promise((resolve) => {
      let settled = false;
      const settle = (visible: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(visible);
      };
      const timer = setTimeout(() => settle(false), ANSWER_WAIT);
      this.waiting.set(target, [...(this.waiting.get(target) ?? []), settle]);
    });
  }

  private take(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries as TrackingEntry[]) {
      const visible = entry.isVisible === true;
      this.seen.set(entry.target, visible);
      const resolvers = this.waiting.get(entry.target);
      this.waiting.delete(entry.target);
      for (const resolve of resolvers ?? []) resolve(visible);
    }
  }
}
