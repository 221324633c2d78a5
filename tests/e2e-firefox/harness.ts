import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { readRows, type StoredRows } from '../e2e/harness';
import { databaseReady, putRows } from '../e2e/seed';

/**
 * Debian's Firefox ESR with the built Firefox add-on, driven over WebDriver BiDi by puppeteer-core (no
 * geckodriver, nothing downloaded). Firefox runs on the real clock (libfaketime deadlocks it): tests date their
 * data and the saved Calendar week relative to now.
 */
export const FIREFOX_BUILD = join(process.cwd(), '.output/firefox-mv2');
/** The add-on's internal UUID, fixed by preference so its pages have known addresses. */
export const ADDON_UUID = '6d1b5c2e-8f3a-4b7e-9c41-b2d0e6a7f915';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

type Api = typeof import('wxt/browser').browser;
/**
 * In a page of the add-on, `(globalThis as unknown as WithBrowser).browser` is the WebExtension API.
 * Firefox's MV2 browserAction answers with promises; the shared types know only Chrome's callbacks for it.
 */
export type WithBrowser = {
  browser: Omit<Api, 'browserAction'> & {
    browserAction: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  };
};

export interface FirefoxLaunchOptions {
  /** Pages to serve under their real address (without query or hash). */
  pages?: Record<string, string>;
  /** The computer's time zone (TZ). */
  timeZone?: string;
}

export interface FirefoxSession {
  browser: Browser;
  geckoId: string;
  /** Every request that would have left the machine: must stay empty. */
  outsideRequests: string[];
  /** Uncaught errors and console errors of the served pages, and errors Firefox reports for the add-on. */
  errors: string[];
  /** moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  /** A tab on a served page (an address in `pages`). */
  openPage(url: string): Promise<Page>;
  /** A tab on one of the add-on's pages ("popup.html", "options.html#/data"), loaded. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Moves an open tab to another of the add-on's pages. */
  gotoExtensionPage(page: Page, path: string): Promise<void>;
  /** The add-on's database, read from one of its own pages (its origin is the background's). */
  readStore(): Promise<StoredRows>;
  /** Writes rows into the add-on's database (which its own code must have created: see waitForDatabase). */
  seedStore(rows: { people?: unknown[]; interactions?: unknown[]; groups?: unknown[] }): Promise<void>;
  /** Waits until the add-on's own code has created its database (opening the popup does). */
  waitForDatabase(): Promise<void>;
  /**
   * Answers requests to `url` (matched without its query) with the page `body`, in every tab, also one the
   * add-on opens itself (a request-interception of puppeteer's belongs to one page, set up after it opens):
   * they are not outside requests.
   */
  serve(url: string, body: string): Promise<void>;
  /** Closes every tab but `keep`, the harness's own tab for its look-ups too (it opens another when next needed). */
  closeTabsBut(keep: Page): Promise<void>;
  /** Runs `fn` in a page of the add-on, where `browser.*` is the WebExtension API. */
  inExtension<A, R>(fn: (arg: A) => Promise<R>, arg?: A): Promise<R>;
  close(): Promise<void>;
}

/**
 * Firefox's own services (remote settings, connectivity checks) also go out; the profile turns them off, and
 * what remains goes to Mozilla's hosts, which no page of ours and no code of the add-on names.
 */
const FIREFOX_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)(:\d+)?$/;

const PREFS = {
  // Every request that is not served by the test goes to a local proxy that records it and refuses it.
  'network.proxy.type': 1,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
  'network.proxy.share_proxy_settings': true,
  // Firefox's own background traffic.
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'browser.region.network.url': '',
  'browser.topsites.contile.enabled': false,
  'extensions.blocklist.enabled': false,
  'toolkit.telemetry.enabled': false,
  'app.shield.optoutstudies.enabled': false,
};

function recordingProxy(seen: (target: string) => void): Promise<Server> {
  const server = createServer((req, res) => {
    seen(req.url ?? '');
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    seen(`https://${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The part of puppeteer's WebDriver BiDi connection the harness uses. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { intercept: string } }>;
  on(event: string, listener: (event: BlockedRequest) => void): void;
}
interface BlockedRequest {
  isBlocked: boolean;
  intercepts?: string[];
  request: { request: string; url: string };
}

/**
 * Clicks the element `selector` names as a user does: scrolled into view, a real mouse click at its middle
 * (puppeteer's own element click misses elements far down a long page in Firefox). Aims again while something
 * else is at that point (a page still laying out).
 */
export async function clickElement(page: Page, selector: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const aim = await page.$eval(selector, (element) => {
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      const point = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      const hit = document.elementFromPoint(point.x, point.y);
      return { ...point, clear: hit !== null && (hit === element || element.contains(hit)) };
    });
    if (aim.clear || attempt >= 20) {
      await page.mouse.click(aim.x, aim.y);
      return;
    }
    await sleep(100);
  }
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`Build the add-on first: ${FIREFOX_BUILD}`);
  if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox is missing (${FIREFOX_PATH}): apt-get install firefox-esr`);
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const outsideRequests: string[] = [];
  const errors: string[] = [];
  const noteOutside = (url: string) => {
    const host = url.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
    if (!FIREFOX_OWN.test(host) && !outsideRequests.includes(url)) outsideRequests.push(url);
  };
  const proxy = await recordingProxy(noteOutside);
  const { port } = proxy.address() as AddressInfo;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Without it, BiDi refuses to open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    env: { ...process.env, ...(options.timeZone ? { TZ: options.timeZone } : {}) },
    extraPrefsFirefox: {
      ...PREFS,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: ADDON_UUID }),
    },
  });
  // Firefox prints uncaught errors to stderr with the page's address ("JavaScript error: <address>, line …"): those
  // of the add-on's pages and of Calendar's page are ours. (Console errors go to stdout without an address, among
  // Firefox's own; the Calendar page's are caught through WebDriver BiDi below, and Bridges' code writes none.)
  const listen = (stream: NodeJS.ReadableStream | null | undefined) => {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines)
        if (/^JavaScript error: (moz-extension:|https:\/\/calendar\.google\.com)/.test(line)) errors.push(line.trim());
    });
  };
  listen(browser.process()?.stderr);
  const installed = await browser.installExtension(FIREFOX_BUILD);
  if (installed !== geckoId) throw new Error(`Installed ${installed}, expected ${geckoId}`);

  const pages = options.pages ?? {};
  const serve = (request: HTTPRequest) => {
    const url = request.url();
    const body = pages[url.replace(/[?#].*$/, '')];
    if (body !== undefined) return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
    if (!/^https?:/.test(url)) return request.continue();
    // Firefox asks for a site's icon itself; no page or code of ours does.
    if (!url.endsWith('/favicon.ico')) noteOutside(url);
    return request.abort();
  };

  const extensionUrl = (path: string) => `moz-extension://${ADDON_UUID}/${path.replace(/^\//, '')}`;

  /** Extension pages load, but the navigation never reports completion over BiDi: poll the document instead. */
  async function gotoExtensionPage(page: Page, path: string): Promise<void> {
    const url = extensionUrl(path);
    await page.goto(url, { timeout: 1500 }).catch(() => undefined);
    for (const end = Date.now() + 20_000; Date.now() < end; await sleep(100)) {
      const state = await page
        .evaluate(() => [location.href, document.readyState] as const)
        .catch(() => ['', ''] as const);
      if (state[0] === url && state[1] === 'complete') return;
    }
    throw new Error(`The add-on's page did not load: ${url}`);
  }

  async function openExtensionPage(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport(viewport);
    await gotoExtensionPage(page, path);
    return page;
  }

  // One tab on the management page's settings (which reads no records) runs the harness's own look-ups.
  let probe: Page | null = null;
  async function inExtension<A, R>(fn: (arg: A) => Promise<R>, arg?: A): Promise<R> {
    if (!probe || probe.isClosed()) probe = await openExtensionPage('options.html#/settings');
    // puppeteer's types cannot follow a generic argument through evaluate.
    return probe.evaluate(fn as never, arg as never) as Promise<R>;
  }

  // WebDriver BiDi's own interception, for the whole browser. puppeteer intercepts per page; this is the
  // protocol it speaks underneath.
  const bidi = (browser as unknown as { connection: BidiConnection }).connection;
  async function serveEverywhere(url: string, body: string): Promise<void> {
    const target = new URL(url);
    const { result } = await bidi.send('network.addIntercept', {
      phases: ['beforeRequestSent'],
      urlPatterns: [
        {
          type: 'pattern',
          protocol: target.protocol.replace(':', ''),
          hostname: target.hostname,
          pathname: target.pathname,
        },
      ],
    });
    bidi.on('network.beforeRequestSent', (event: BlockedRequest) => {
      if (!event.isBlocked || !event.intercepts?.includes(result.intercept)) return;
      void bidi.send('network.provideResponse', {
        request: event.request.request,
        statusCode: 200,
        reasonPhrase: 'OK',
        headers: [{ name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } }],
        body: { type: 'string', value: body },
      });
    });
  }

  return {
    browser,
    geckoId,
    outsideRequests,
    errors,
    extensionUrl,
    async openPage(url) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      await page.setRequestInterception(true);
      page.on('request', (request) => void serve(request));
      page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(url);
      return page;
    },
    openExtensionPage,
    gotoExtensionPage,
    serve: serveEverywhere,
    readStore: () => inExtension(readRows),
    seedStore: (rows) => inExtension(putRows, rows),
    inExtension,
    async closeTabsBut(keep) {
      for (const open of await browser.pages()) if (open !== keep) await open.close();
      probe = null;
    },
    async waitForDatabase() {
      for (const end = Date.now() + 20_000; Date.now() < end; await sleep(100))
        if (await inExtension(databaseReady)) return;
      throw new Error('The add-on did not create its database.');
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}
