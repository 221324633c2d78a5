import type { Page } from 'puppeteer-core';
import { putRows } from '../e2e/seed';
import { deleteEverything, type Start } from '../e2e/start-from';
import type { FirefoxSession } from './harness';

/**
 * Puts the add-on in the state a test names, whatever the tests before it did, as tests/e2e/start-from.ts does
 * in Chromium: every other tab is closed, "Delete everything" empties the database and the settings as the user's
 * own click would (the badge clears), and `start` is written. Returns the popup, opened in a fresh tab before the
 * rows were written (open it again, or move it, to show them).
 */
export async function startFrom(
  session: FirefoxSession,
  start: Start = {},
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await session.openExtensionPage('popup.html', viewport);
  await session.closeTabsBut(page);
  await session.waitForDatabase();
  await session.inExtension(deleteEverything);
  if (Object.keys(start).length > 0) await session.inExtension(putRows, start);
  return page;
}
