import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './harness';
import { makeLog, seedStore, waitForDatabase } from './seed';

// The extension's pages under their strict policy (default-src 'none'): every screen renders without a single
// policy violation, and the check would see one.
const NOW = Date.parse('2026-11-28T20:00:00Z');
let session: Session;

beforeAll(async () => {
  session = await launch({ fakeTime: '2026-11-28 20:00:00' });
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await waitForDatabase(page);
  const log = makeLog(60, 600, NOW);
  await seedStore(session.worker, { people: log.people, interactions: log.interactions });
  await page.close();
});
afterAll(async () => {
  await session?.close();
});

/** Opens `path` and returns every policy violation and console error the page reported while showing `ready`. */
async function violations(path: string, ready: string): Promise<string[]> {
  const page = await session.context.newPage();
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(e.message));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  await page.locator(ready).first().waitFor();
  // Let late work (charts, lazy panels, live queries) run before looking: until the page has drawn twice more
  // and its fonts are in.
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  await page.close();
  return seen;
}

describe("the extension's pages under default-src 'none'", () => {
  const screens: Array<[string, string]> = [
    ['popup.html', '.people .name'],
    ['options.html#/people', '.people-table tbody tr'],
    ['options.html#/groups', 'h2'],
    ['options.html#/thanks', 'h2'],
    ['options.html#/trends', 'canvas'],
    ['options.html#/data', 'h2'],
    ['options.html#/settings', 'h2'],
    // "Before you meet" opened by hand, with no token: its empty state.
    ['prep.html', '.prep.empty'],
  ];
  for (const [path, ready] of screens) {
    it(`${path} shows with no policy violation and no error`, async () => {
      expect(await violations(path, ready)).toEqual([]);
    });
  }

  it('would see a violation had there been one (the check above can fail)', async () => {
    const page = await session.context.newPage();
    const seen: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') seen.push(m.text());
    });
    await page.goto(`chrome-extension://${session.extensionId}/options.html#/settings`);
    await page.locator('h2').first().waitFor();
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://example.com/tracker.png';
      document.body.append(img);
    });
    await expect.poll(() => seen.some((s) => /Content Security Policy/.test(s))).toBe(true);
    await page.close();
  });
});
