/**
 * The frame "Before you meet" is shown in (entrypoints/prep/), in Calendar's event card. The panel's content
 * (names, statuses, notes) never passes through here: this content script gives the frame only a one-time token
 * in its address, and the frame, an extension page, asks the background for the rest. The page cannot read the
 * frame (another origin), nor reach this host's closed shadow root to learn the frame's address.
 *
 * The frame tells its height by postMessage; only a number posted by the frame's own window, from an extension
 * origin, is taken, and capped: so the frame fits its content without a scrollbar, and the page cannot size it.
 */
export const PREP_HOST_TAG = 'bridges-prep';
export const PREP_TITLE = 'Before you meet';
/** The tallest the frame grows; past it (a meeting with very many known guests) it scrolls. */
export const MAX_FRAME_HEIGHT = 420;

const STYLE = `:host { all: initial; display: block; margin: 4px 12px 8px 16px; }
iframe { display: block; width: 100%; height: 0; border: 0; color-scheme: light dark; }`;

export interface PrepFrameOptions {
  /** The frame page's address (Chrome's per-session dynamic one). */
  url: string;
  /** The origins the frame's messages may come from. */
  origins: ReadonlySet<string>;
  /** The benchmark's: learns each height and the time since `show`. */
  onHeight?: (height: number, msSinceShown: number) => void;
  /**
   * Whether a message was posted by a window rather than made by a script (`isTrusted`); tests of this
   * module, whose DOM cannot post across windows, pass their own.
   */
  isPosted?: (event: MessageEvent) => boolean;
}

export class PrepFrame {
  readonly host: HTMLElement;
  /** Closed to the page; kept here for this content script's own use (and its unit tests). */
  readonly root: ShadowRoot;
  private frame: HTMLIFrameElement | null = null;
  private shownAt = 0;
  private readonly listener = (event: MessageEvent) => this.onMessage(event);

  constructor(
    private readonly doc: Document,
    private readonly options: PrepFrameOptions,
  ) {
    this.host = doc.createElement(PREP_HOST_TAG);
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.root.append(style);
    doc.defaultView?.addEventListener('message', this.listener);
  }

  /** A fresh frame for `token` (a new element, so the old meeting's frame and its history are gone). */
  show(token: string, page = this.options.url, startedAt = performance.now()): void {
    const frame = this.doc.createElement('iframe');
    frame.title = PREP_TITLE;
    frame.src = `${page}#${token}`;
    this.frame?.remove();
    this.frame = frame;
    this.shownAt = startedAt;
    this.root.append(frame);
  }

  /** No panel: the frame goes (another meeting is being asked about, or none is to be shown). */
  clear(): void {
    this.frame?.remove();
    this.frame = null;
  }

  get showing(): boolean {
    return this.frame !== null;
  }

  /** Puts the panel just after `after` (the card's header), or first in `parent`. */
  mount(parent: Element, after: Element | null): void {
    if (after && after.parentElement === parent) after.after(this.host);
    else parent.prepend(this.host);
  }

  remove(): void {
    this.doc.defaultView?.removeEventListener('message', this.listener);
    this.host.remove();
  }

  private onMessage(event: MessageEvent): void {
    const frame = this.frame;
    const posted = this.options.isPosted ?? ((e: MessageEvent) => e.isTrusted);
    if (!frame || !event.source || event.source !== frame.contentWindow) return;
    // A script on the page can make a message event with any origin and source, but not a posted one.
    if (!posted(event) || !this.options.origins.has(event.origin)) return;
    const height = event.data;
    if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return;
    frame.style.height = `${Math.min(Math.ceil(height), MAX_FRAME_HEIGHT)}px`;
    this.options.onHeight?.(height, performance.now() - this.shownAt);
  }
}
