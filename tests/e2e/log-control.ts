import type { CDPSession, Page } from 'playwright-core';

/**
 * Drives Bridges' Log control in real Chromium the way a person does, although its shadow root is closed to
 * the page (and so to Playwright's locators, which run as page script): the control is found through the
 * DevTools protocol's view of the whole tree (DOM.getDocument with pierce, which sees closed shadow roots,
 * as the accessibility tree and a screen reader do), read from there, and clicked with the real mouse at its
 * box, so the click is trusted, as a person's is. Nothing here reaches the control from the page's scripts.
 *
 * Firefox (puppeteer-core over WebDriver BiDi) has no DevTools protocol, and its accessibility locator does
 * not look inside closed shadow roots (tried with Firefox ESR 153): log-control-bidi.ts beside this file reads
 * the control from BiDi's own serialisation of the host with its shadow tree, and clicks it with a BiDi pointer
 * action, which is as trusted as this file's mouse click.
 */
export interface ControlState {
  /** The button's text: "Log meeting", "Logged · 4 people", "Log anyway", … */
  label: string;
  /** The sentence beside it, or "". */
  message: string;
  /** Whether "Copy details for a bug report" is offered. */
  report: boolean;
}

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const HOST = 'BRIDGES-LOG-CONTROL';

export class LogControlDriver {
  private session: CDPSession | null = null;
  private cached: { button: DomNode; report: DomNode; status: DomNode } | null = null;

  constructor(private readonly page: Page) {
    // A new document has a new control: forget the parts found in the old one.
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.cached = null;
    });
  }

  private async cdp(): Promise<CDPSession> {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** The parts of the control's closed shadow root, or null when no control is on the page. */
  private async parts(): Promise<{ button: DomNode; report: DomNode; status: DomNode } | null> {
    const cdp = await this.cdp();
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (n) => n.nodeName === HOST);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const elements = shadow.children ?? [];
    const button = elements.find((n) => n.nodeName === 'BUTTON' && attr(n, 'class') !== 'report');
    const report = elements.find((n) => n.nodeName === 'BUTTON' && attr(n, 'class') === 'report');
    const status = elements.find((n) => attr(n, 'role') === 'status');
    return button && report && status ? { button, report, status } : null;
  }

  /**
   * What the control shows now, or null when there is none on the page. The control's host lives as long as
   * the page, so its parts are found once and then read alone (a small read, not the whole page's tree).
   */
  async state(): Promise<ControlState | null> {
    this.cached ??= await this.parts();
    const cached = this.cached;
    if (!cached) return null;
    try {
      const cdp = await this.cdp();
      const html = async (node: DomNode) =>
        ((await cdp.send('DOM.getOuterHTML', { backendNodeId: node.backendNodeId })) as { outerHTML: string })
          .outerHTML;
      const [button, status, report] = await Promise.all([cached.button, cached.status, cached.report].map(html));
      return {
        label: textOfHtml(button ?? ''),
        message: textOfHtml(status ?? ''),
        report: !/^<button[^>]* hidden/.test(report ?? ''),
      };
    } catch {
      this.cached = null; // the control's nodes are gone: find it again
      this.cached = await this.parts();
      const fresh = this.cached;
      if (!fresh) return null;
      return {
        label: textOf(fresh.button),
        message: textOf(fresh.status),
        report: attr(fresh.report, 'hidden') === null,
      };
    }
  }

  async label(): Promise<string | null> {
    return (await this.state())?.label ?? null;
  }

  async message(): Promise<string | null> {
    return (await this.state())?.message ?? null;
  }

  /** Clicks the Log button (or the bug report button) with the mouse, at the middle of its box. */
  async click(which: 'log' | 'report' = 'log'): Promise<void> {
    const { x, y } = await this.middle(which);
    await this.page.mouse.click(x, y);
  }

  /** Moves the mouse onto the middle of the Log button (or the bug report button), as a person does first. */
  async hover(which: 'log' | 'report' = 'log'): Promise<void> {
    const { x, y } = await this.middle(which);
    await this.page.mouse.move(x, y);
  }

  private async middle(which: 'log' | 'report'): Promise<{ x: number; y: number }> {
    this.cached = await this.parts();
    const parts = this.cached;
    if (!parts) throw new Error('There is no Log control on the page.');
    const node = which === 'log' ? parts.button : parts.report;
    const cdp = await this.cdp();
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as {
      model: { border: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  }
}

function find(node: DomNode, test: (n: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = find(child, test);
    if (found) return found;
  }
  return null;
}

function attr(node: DomNode, name: string): string | null {
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) if (list[i] === name) return list[i + 1] ?? '';
  return null;
}

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  return (node.children ?? []).map(textOf).join('');
}

/** The text of a small piece of HTML (the control's own, which holds no markup from the page). */
function textOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}
