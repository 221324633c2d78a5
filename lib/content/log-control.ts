import { BrowserVisibility, isShownAt } from './click-guard';
import { type ControlView, HIDDEN_CONTROL, HIDDEN_REPORT } from './control-state';

/**
 * The "Log meeting" control that sits in Calendar's event card (and on the full event page). One host element
 * lives for the page's lifetime: Calendar re-renders the card and strips foreign nodes, so the watcher puts
 * the same host back and it keeps its state. Text only, never HTML.
 *
 * Calendar's own scripts must not be able to drive it (a compromised page could otherwise log forged
 * meetings): the shadow root is closed, so the page cannot reach the button, and the control acts only on
 * trusted clicks, the ones a person makes with a mouse, a finger or the keyboard (`event.isTrusted`), never
 * on a click a script dispatches. Nor can the page trick a person into a click: one counts only when the button
 * was plainly shown where it was clicked (click-guard.ts), not faded, clipped or shrunk by the page's CSS, nor
 * under a decoy; a click that was not says so and changes nothing. Tests drive it as a person does (see
 * tests/e2e/log-control.ts): they find the button in the accessibility tree, which a screen reader reads too,
 * and click its box.
 */
export const HOST_TAG = 'bridges-log-control';

const STYLE = `
:host { all: initial; display: inline-flex; align-items: center; gap: 8px; margin: 0 8px 0 0;
  font: 500 14px/20px "Google Sans", Roboto, Arial, sans-serif; color: #1f1f1f; vertical-align: middle; }
button { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; height: 32px;
  padding: 0 14px 0 10px; border-radius: 16px; border: 1px solid #747775; color: #0b57d0; cursor: pointer;
  white-space: nowrap; font: inherit; background: transparent; }
button:hover { background: rgba(11, 87, 208, 0.08); }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
button[aria-busy="true"] { cursor: progress; opacity: 0.7; }
button.success { color: #146c2e; border-color: #146c2e; }
button.confirm { color: #8c4a00; border-color: #8c4a00; }
button.report { height: 28px; padding: 0 10px; border-color: transparent; color: inherit; text-decoration: underline;
  font-weight: 400; font-size: 12px; }
button.report[hidden] { display: none; }
svg { width: 18px; height: 18px; fill: currentColor; flex: none; }
.message { max-width: 230px; font: 400 12px/16px Roboto, Arial, sans-serif; color: #444746; white-space: normal; }
.message.error { color: #b3261e; }
.message:empty { display: none; }
@media (prefers-color-scheme: dark) {
  :host { color: #e3e3e3; }
  button { color: #a8c7fa; border-color: #8e918f; }
  button:hover { background: rgba(168, 199, 250, 0.12); }
  button.success { color: #6dd58c; border-color: #6dd58c; }
  button.confirm { color: #ffb95c; border-color: #ffb95c; }
  .message { color: #c4c7c5; }
  .message.error { color: #f2b8b5; }
}`;

// "Add task" before logging (Material icon), a tick once logged.
const ICON_LOG =
  'M22 5.18 10.59 16.6l-4.24-4.24 1.41-1.41 2.83 2.83 10-10L22 5.18zM12 20c-4.41 0-8-3.59-8-8s3.59-8 8-8c1.57 0 3.04.46 4.28 1.25l1.45-1.45C16.1 2.67 14.13 2 12 2 6.48 2 2 6.48 2 12s4.48 10 10 10c1.73 0 3.36-.44 4.78-1.22l-1.5-1.5c-1 .46-2.12.72-3.28.72zm7-5h-3v2h3v3h2v-3h3v-2h-3v-3h-2v3z';
const ICON_DONE = 'M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z';

export interface LogControlActions {
  /**
   * The Log button was clicked: log, confirm or log anyway, as the view's `next` says. `clickedAt` is when the
   * click reached the control (performance.now()), before it was checked.
   */
  onLog(event: Event, clickedAt: number): void;
  /** "Copy details for a bug report" was clicked. */
  onReport(event: Event): void;
  /** Whether a click counts: only a person's (trusted) clicks; tests of the watcher may pass their own. */
  isUserClick?: (event: Event) => boolean;
  /**
   * Whether the clicked button was plainly shown where it was clicked (click-guard.ts); tests of the watcher,
   * whose page has no layout, may pass their own.
   */
  isShown?: (button: HTMLButtonElement, event: Event) => boolean | Promise<boolean>;
}

export const REPORT_LABEL = 'Copy details for a bug report';

export class LogControl {
  readonly host: HTMLElement;
  /** Closed to the page; kept here for this content script's own use (and its unit tests). */
  readonly root: ShadowRoot;
  private readonly button: HTMLButtonElement;
  private readonly text: HTMLSpanElement;
  private readonly path: SVGPathElement;
  private readonly messageEl: HTMLSpanElement;
  private readonly reportButton: HTMLButtonElement;
  private readonly browserView: BrowserVisibility;
  /** A click is being checked: further clicks wait for its answer rather than act twice. */
  private checking = false;
  view: ControlView | null = null;

  constructor(doc: Document, actions: LogControlActions) {
    const isUserClick = actions.isUserClick ?? ((event: Event) => event.isTrusted);
    this.host = doc.createElement(HOST_TAG);
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.messageEl = doc.createElement('span');
    this.messageEl.className = 'message';
    this.messageEl.setAttribute('role', 'status');
    this.messageEl.setAttribute('aria-live', 'polite');
    this.button = doc.createElement('button');
    this.button.type = 'button';
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = doc.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    this.path = doc.createElementNS(svgNs, 'path');
    svg.append(this.path);
    this.text = doc.createElement('span');
    this.button.append(svg, this.text);
    this.reportButton = doc.createElement('button');
    this.reportButton.type = 'button';
    this.reportButton.className = 'report';
    this.reportButton.textContent = REPORT_LABEL;
    this.reportButton.hidden = true;
    this.browserView = new BrowserVisibility([this.button, this.reportButton]);
    const isShown =
      actions.isShown ??
      ((button: HTMLButtonElement, e: Event) => isShownAt(button, this.host, this.root, e, this.browserView));
    for (const [button, act, refusal] of [
      [this.button, (e: Event, at: number) => actions.onLog(e, at), HIDDEN_CONTROL],
      [this.reportButton, (e: Event) => actions.onReport(e), HIDDEN_REPORT],
    ] as const) {
      // Calendar closes the card on some pointer events that bubble out of it; keep ours to ourselves.
      for (const type of ['pointerdown', 'mousedown', 'keydown'] as const) {
        button.addEventListener(type, (e) => e.stopPropagation());
      }
      button.addEventListener('click', (e) => {
        const clickedAt = performance.now();
        e.stopPropagation();
        e.preventDefault();
        if (!isUserClick(e) || this.checking || this.busy) return;
        // Read now, at the click: the page could change its CSS while an answer is awaited.
        const shown = isShown(button, e);
        const decide = (yes: boolean) => {
          this.checking = false;
          if (!yes) this.say(refusal, 'error');
          else if (!this.busy) act(e, clickedAt);
        };
        if (typeof shown === 'boolean') return decide(shown);
        this.checking = true;
        void shown.then(decide, () => decide(false));
      });
    }
    // The browser's verdict is watched only while a person is at the control: pointer over it, or focus in it.
    this.host.addEventListener('pointerenter', () => this.browserView.watch());
    this.host.addEventListener('pointerleave', () => this.browserView.unwatch());
    this.root.addEventListener('focusin', () => this.browserView.watch());
    this.root.addEventListener('focusout', () => {
      if (!this.host.matches(':hover')) this.browserView.unwatch();
    });
    this.root.append(style, this.messageEl, this.reportButton, this.button);
  }

  private get busy(): boolean {
    return this.button.getAttribute('aria-busy') === 'true';
  }

  show(view: ControlView): void {
    this.view = view;
    this.text.textContent = view.label;
    this.path.setAttribute('d', view.tone === 'success' ? ICON_DONE : ICON_LOG);
    this.button.className = view.tone === 'success' ? 'success' : view.next !== 'log' ? 'confirm' : '';
    this.button.setAttribute('aria-busy', String(view.busy));
    this.button.title = view.message || view.label;
    this.messageEl.textContent = view.message;
    this.messageEl.className = view.tone === 'error' ? 'message error' : 'message';
    this.reportButton.hidden = !view.offerReport;
  }

  /** Says something beside the button without changing what it does (e.g. "Copied"). */
  say(message: string, tone: 'neutral' | 'error' = 'neutral'): void {
    this.messageEl.textContent = message;
    this.messageEl.className = tone === 'error' ? 'message error' : 'message';
  }

  /** Takes the control off the page for good (the content script stopped). */
  remove(): void {
    this.browserView.unwatch();
    this.host.remove();
  }

  /**
   * Puts the control in `parent`: first (the card's toolbar, or the card itself when that cannot be found),
   * or just before `before` (the edit page's Save button).
   */
  mount(parent: Element, before: Element | null = null): void {
    if (before && before.parentElement === parent) before.before(this.host);
    else parent.prepend(this.host);
  }

  /** Whether the control sits where mount() would put it. */
  isMountedIn(parent: Element): boolean {
    return this.host.parentElement === parent;
  }
}
