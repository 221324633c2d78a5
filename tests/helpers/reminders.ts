import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../lib/db/app-db';
import { createReminders } from '../../lib/reminders/weekly-reminder';
import { startBackground } from './background';

/** The user's zone in the reminder's tests: its Monday 09:00 is 08:00 UTC in winter. */
export const REMINDER_ZONE = 'Europe/Berlin';
/** When the extension was installed in those tests: a Sunday, four weeks before the reminder they follow. */
export const INSTALLED = Date.parse('2026-11-01T10:00:00Z');

/**
 * The background with the weekly reminder on fakeBrowser (alarms, badge, notifications), answering commands, on
 * the clock `now` the test moves, in a database of its own. Call in beforeEach; `end()` in afterEach.
 */
export function startReminderBackground(name: string, now: () => number) {
  fakeBrowser.reset();
  const db = new AppDB(`${name}-${crypto.randomUUID()}`);
  const reminders = createReminders(db, now, () => REMINDER_ZONE);
  const { stop } = startBackground(db, { now, reminders });
  return {
    db,
    reminders,
    async end() {
      stop();
      await db.delete();
    },
  };
}
