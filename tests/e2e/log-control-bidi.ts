/**
 * Drives Bridges' Log control in Firefox over WebDriver BiDi (puppeteer-core), as tests/e2e/log-control.ts does
 * in Chromium over the DevTools protocol, without opening the control to the page: its shadow root is closed,
 * so neither the page's scripts nor puppeteer's selectors (which run as page script) can reach its button.
 *
 * WebDriver BiDi itself can: `script.evaluate` with `serializationOptions.includeShadowTree: "all"` returns the
 * host with its closed shadow root, each node with a `sharedId` that only the driver holds. The label and the
 * message are read from that serialisation; a click is a real pointer action (`input.performActions` with the
 * button as its origin), so the page sees a trusted click, as from a person.
 *
 * puppeteer-core has no public call for a raw BiDi command: `bidiSession(page)` reaches its session through
 * the page's browsing context (checked with puppeteer-core 25.16 and Firefox ESR 153) and says so plainly if a
 * later version moves it.
 *
 *   import { BidiLogControl, bidiSession } from './log-control-bidi';
 *   const control = new BidiLogControl(bidiSession(page), page.mainFrame()._id);
 *   await control.click();                    // the Log button; control.click('report') for the bug report
 *   (await control.state())?.label            // "Logged · 4 people"
 */
export interface BidiSession {
  // biome-ignore lint/suspicious/noExplicitAny: BiDi's answers are untyped JSON.
  send(method: string, params: object): Promise<any>;
}
export interface ControlState {
  label: string;
  message: string;
  report: boolean;
}

const HOST = 'bridges-log-control';

/** The BiDi session of a puppeteer-core page (launched with `browser: 'firefox'`). */
// biome-ignore lint/suspicious/noExplicitAny: puppeteer's internals are not typed for this.
export function bidiSession(page: any): BidiSession {
  const session = page.mainFrame()?.browsingContext?.userContext?.browser?.session;
  if (typeof session?.send !== 'function') {
    throw new Error('This puppeteer-core no longer exposes its BiDi session where log-control-bidi.ts looks for it.');
  }
  return session;
}

interface SerialNode {
  type: string;
  sharedId?: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: SerialNode[];
    shadowRoot?: SerialNode | null;
  };
}

export class BidiLogControl {
  /** `context` is the browsing context (tab) id: puppeteer's `page.mainFrame()._id`. */
  constructor(
    private readonly session: BidiSession,
    private readonly context: string,
  ) {}

  async parts(): Promise<{ button: SerialNode; report: SerialNode; status: SerialNode } | null> {
    const reply = await this.session.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(HOST)})`,
      target: { context: this.context },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 4 },
    });
    // puppeteer's session answers with the whole BiDi message ({ id, type, result }); the spec's result is inside.
    const evaluated = reply?.result?.realm ? reply.result : reply;
    const host: SerialNode | undefined = evaluated?.result;
    const shadow = host?.value?.shadowRoot?.value;
    if (!shadow) return null;
    const elements = (shadow.children ?? []).filter((n) => n.value?.nodeType === 1);
    const cls = (n: SerialNode) => n.value?.attributes?.class ?? '';
    const button = elements.find((n) => n.value?.localName === 'button' && cls(n) !== 'report');
    const report = elements.find((n) => n.value?.localName === 'button' && cls(n) === 'report');
    const status = elements.find((n) => n.value?.attributes?.role === 'status');
    return button && report && status ? { button, report, status } : null;
  }

  /** What the control shows, or null when there is none. */
  async state(): Promise<ControlState | null> {
    const parts = await this.parts();
    if (!parts) return null;
    return {
      label: textOf(parts.button),
      message: textOf(parts.status),
      report: !('hidden' in (parts.report.value?.attributes ?? {})),
    };
  }

  /** Clicks the Log button (or the bug report button) with a real pointer, at the middle of its box. */
  async click(which: 'log' | 'report' = 'log'): Promise<void> {
    const parts = await this.parts();
    if (!parts) throw new Error('There is no Log control on the page.');
    const node = which === 'log' ? parts.button : parts.report;
    await this.session.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'bridges-test-mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId: node.sharedId } } },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }
}

function textOf(node: SerialNode): string {
  if (node.value?.nodeType === 3) return node.value.nodeValue ?? '';
  return (node.value?.children ?? []).map(textOf).join('');
}
