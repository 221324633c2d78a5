import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Session } from './harness';
import { clearStore, putRows, waitForDatabase } from './seed';

/** What a test starts from: the rows it names, in an otherwise empty extension. */
export interface Start {
  people?: unknown[];
  interactions?: unknown[];
  groups?: unknown[];
  upcoming?: unknown[];
  settings?: Array<{ name: string; value: unknown }>;
}

/**
 * For a file whose tests share one Calendar tab: each test starts from an empty log and that tab blank (the test
 * loads its own page), and ends having raised no error on the page and sent no request outside the served pages,
 * each test's own (`pageErrors` is the file's list, filled by its page's listeners). `of` reads the file's
 * session and tab, which exist only once its beforeAll has run.
 */
export function eachTestFromEmptyLog(of: () => { session: Session; page: Page; pageErrors: string[] }): void {
  beforeEach(async () => {
    const { session, page } = of();
    await clearStore(session.worker);
    await page.goto('about:blank');
  });
  afterEach(() => {
    const { session, pageErrors } = of();
    expect(pageErrors.splice(0)).toEqual([]);
    expect(session.outsideRequests.splice(0)).toEqual([]);
  });
}

/**
 * Puts the extension in the state a test names, whatever the tests before it did: every page they left open is
 * closed, "Delete everything" empties the database and the settings as the user's own click would (the meetings
 * booked ahead and what was deleted go with them, sync is turned off and the badge clears), and `start` is written.
 * Returns a fresh extension page (the popup, opened before the rows were written: reload it to show them).
 */
export async function startFrom(session: Session, start: Start = {}): Promise<Page> {
  for (const open of session.context.pages()) await open.close();
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await waitForDatabase(page);
  await page.evaluate(deleteEverything);
  if (Object.keys(start).length > 0) await session.worker.evaluate(putRows, start);
  return page;
}

/**
 * Sends "Delete everything" from an extension page, as the data page does. Runs in the page (Chromium's or
 * Firefox's, where the API is `browser`), so it is self-contained; the envelope is lib/messaging-protocol.ts's.
 */
export async function deleteEverything(): Promise<void> {
  type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const api = globalThis as unknown as { browser?: Api; chrome?: Api };
  const runtime = (api.browser ?? (api.chrome as Api)).runtime;
  const reply = (await runtime.sendMessage({ command: 'deleteAll', data: { confirm: 'DELETE' } })) as
    | { ok: true; value: { settingsProblem: string | null } }
    | { ok: false; error: string };
  if (!reply.ok) throw new Error(`Delete everything was refused: ${reply.error}`);
  if (reply.value.settingsProblem) throw new Error(`The settings were not reset: ${reply.value.settingsProblem}`);
}
