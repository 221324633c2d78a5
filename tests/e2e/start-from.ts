import type { Page } from 'playwright-core';
import type { Session } from './harness';
import { putRows, waitForDatabase } from './seed';

/** What a test starts from: the rows it names, in an otherwise empty extension. */
export interface Start {
  people?: unknown[];
  interactions?: unknown[];
  groups?: unknown[];
  upcoming?: unknown[];
  settings?: Array<{ name: string; value: unknown }>;
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
