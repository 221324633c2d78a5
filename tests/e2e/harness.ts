import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Request, type Worker } from 'playwright-core';

export const EXTENSION_DIR = join(process.cwd(), '.output/chrome-mv3');
export const EXTENSION_ID = 'gikpoediafgedljphhocfppjgjbeaneh';
const FAKETIME_LIBS = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1',
];

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every http(s) request that was not to a page served by the test: must stay empty. */
  outsideRequests: string[];
  /**
   * Answers requests to `url` (without query) with `respond`, as the real server would, from then on; they
   * are not outside requests. Also catches the service worker's fetches.
   */
  serve(
    url: string,
    respond: (request: Request) => { status?: number; body?: string; headers?: Record<string, string> },
  ): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Start Chromium's clock here (it then ticks on): "2026-11-25 12:00:00" in UTC. */
  fakeTime?: string;
  /** The computer's time zone. */
  timeZone?: string;
  /** Pages to serve under their real address (without query or hash). */
  pages?: Record<string, string>;
  /** Extra response headers for the served pages. */
  headers?: Record<string, string>;
  userDataDir?: string;
  /** The unpacked extension to load; the production Chrome build by default. */
  extensionDir?: string;
  /** Open a window (the demo, where there is a display); headless by default. */
  window?: boolean;
  /** More command-line switches for Chromium. */
  args?: string[];
}

/** Debian's Chromium with the built extension loaded, on a fixed clock, with the network closed. */
export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`Build the extension first: ${extensionDir}`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'bridges-e2e-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  if (options.timeZone) env.TZ = options.timeZone;
  if (options.fakeTime) {
    const lib = FAKETIME_LIBS.find((path) => existsSync(path));
    if (!lib) throw new Error('faketime is missing: apt-get install faketime');
    Object.assign(env, { LD_PRELOAD: lib, FAKETIME: `@${options.fakeTime}`, FAKETIME_DONT_RESET: '1' });
  }
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    // A window takes its own size; headless pages get Playwright's default.
    ...(options.window ? { viewport: null } : {}),
    env,
    args: [
      ...(options.window ? [] : ['--headless=new']),
      // Chromium's sandbox cannot run as root (CI): off for tests; kept for a person's window.
      ...(options.window && process.getuid?.() !== 0 ? [] : ['--no-sandbox']),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.args ?? []),
    ],
  });
  const outsideRequests: string[] = [];
  const pages = options.pages ?? {};
  const served = new Set<string>();
  const pageAt = (url: string) =>
    pages[url.replace(/[?#].*$/, '')] ?? (served.has(url.replace(/[?#].*$/, '')) ? '' : undefined);
  const noteOutside = (url: string) => {
    if (!outsideRequests.includes(url)) outsideRequests.push(url);
  };
  await context.route(/^https?:\/\//, (route) => {
    const body = pageAt(route.request().url());
    if (body !== undefined) {
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body, headers: options.headers });
    }
    noteOutside(route.request().url());
    return route.abort();
  });
  // Also catches what the extension's service worker asks for.
  context.on('request', (request) => {
    const url = request.url();
    if (/^https?:/.test(url) && pageAt(url) === undefined) noteOutside(url);
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    outsideRequests,
    async serve(url, respond) {
      served.add(url);
      // Matched without the query, as `url` is given (a plain string would have to match the query too).
      await context.route(
        (address) => `${address.origin}${address.pathname}` === url,
        (route) => {
          const answer = respond(route.request());
          return route.fulfill({ status: answer.status ?? 200, body: answer.body ?? '', headers: answer.headers });
        },
      );
    },
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface StoredRows {
  people: Array<Record<string, unknown>>;
  interactions: Array<Record<string, unknown>>;
}

/** Reads the extension's database back, from the extension's own service worker. */
export async function readStore(worker: Worker): Promise<StoredRows> {
  return worker.evaluate(readRows);
}

/**
 * Every person and interaction in the extension's database. Runs inside the extension's origin (a service
 * worker or one of its pages, in any browser), so it is self-contained: no imports, no closures.
 */
export async function readRows(): Promise<StoredRows> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('bridges');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const all = (store: string) =>
    new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      if (!db.objectStoreNames.contains(store)) return resolve([]);
      const req = db.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const rows = { people: await all('people'), interactions: await all('interactions') };
  db.close();
  return rows;
}
