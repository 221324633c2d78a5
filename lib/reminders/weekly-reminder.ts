import { browser } from 'wxt/browser';
import type { AppDB } from '../db/app-db';
import { sweepUpcoming } from '../logging/upcoming';
import { weekKeyOf } from '../relationships/stretch-choice';
import { getSetting, getSettings, setSetting } from '../settings';
import { badgeTitle, digestText, remindable } from './digest';
import { lastReminderAt, localTimeZone, nextReminderAt } from './schedule';
import { currentStretchPick } from './stretch-pick';

export const REMINDER_ALARM = 'bridges-weekly-reminder';
export const DIGEST_NOTIFICATION = 'bridges-weekly-digest';
/** A red that reads as "needs you", on the toolbar in light and dark themes. */
export const BADGE_COLOR = '#C5221F';

export interface Reminders {
  /** At every start of the background: schedule the next reminder, and catch up a missed one, once. */
  start(): Promise<void>;
  onAlarm(name: string): Promise<void>;
  /** After the reminder settings change: move the alarm, recount. */
  reschedule(): Promise<void>;
  /** After the data changes: a standing reminder's number follows it. */
  refresh(): Promise<void>;
  /** The popup was opened: the week's reminder has been seen. */
  markSeen(): Promise<void>;
}

// Firefox's MV2 has browserAction where Chrome's MV3 has action.
const toolbar = () => browser.action ?? browser.browserAction;

export function createReminders(
  db: AppDB,
  clock: () => number = Date.now,
  timeZone: () => string = localTimeZone,
): Reminders {
  async function due(now: number) {
    const [people, stored, groups] = await Promise.all([
      db.people.toArray(),
      getSettings(db, ['reminders', 'cadenceDefaults', 'myEmails', 'internalDomains']),
      db.groups.toArray(),
    ]);
    const { reminders: settings, cadenceDefaults: cadences, myEmails, internalDomains } = stored;
    const entries = remindable(people, { now, settings, cadences, myEmails });
    return { entries, settings, groups: new Map(groups.map((g) => [g.id, g])), internalDomains };
  }

  async function showBadge(now: number) {
    const { entries, settings } = await due(now);
    const count = entries.length;
    await toolbar().setBadgeBackgroundColor({ color: BADGE_COLOR });
    await toolbar().setBadgeText({ text: count > 0 ? String(count) : '' });
    await toolbar().setTitle({ title: count > 0 ? badgeTitle(count, settings) : 'Bridges' });
  }

  async function clearBadge() {
    await toolbar().setBadgeText({ text: '' });
    await toolbar().setTitle({ title: 'Bridges' });
  }

  async function notify(now: number) {
    const { entries, settings, groups, internalDomains } = await due(now);
    if (!settings.notifications || entries.length === 0 || !(await mayNotify())) return;
    await browser.notifications.create(DIGEST_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Bridges: this week',
      message: digestText(entries, groups, internalDomains),
    });
  }

  /** Fires the reminder due at `dueAt`, unless that week's has fired already. */
  async function fire(now: number, dueAt: number) {
    const week = weekKeyOf(dueAt, timeZone());
    const state = await getSetting(db, 'reminderState');
    if (state.lastFiredWeek === week) return;
    await setSetting(db, 'reminderState', { ...state, lastFiredWeek: week, active: true });
    await currentStretchPick(db, now); // chosen now, kept for the rest of the week
    await showBadge(now);
    await notify(now);
  }

  // The background may wake for an alarm and start at once: one reminder operation at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function schedule(now: number) {
    const settings = await getSetting(db, 'reminders');
    await browser.alarms.create(REMINDER_ALARM, { when: nextReminderAt(now, settings, timeZone()) });
  }

  return {
    start: () =>
      serial(async () => {
        const now = clock();
        // The next reminder is set first: nothing that fails below can leave the week without one.
        await schedule(now);
        const state = await getSetting(db, 'reminderState');
        if (state.installedAt === null) {
          await setSetting(db, 'reminderState', { ...state, installedAt: now });
        } else {
          const settings = await getSetting(db, 'reminders');
          const lastDue = lastReminderAt(now, settings, timeZone());
          // A week missed while the browser was closed: caught up now, once (only the latest is due).
          if (lastDue > state.installedAt) await fire(now, lastDue);
          if ((await getSetting(db, 'reminderState')).active) await showBadge(now);
        }
      }),
    onAlarm: (name) =>
      serial(async () => {
        if (name !== REMINDER_ALARM) return;
        const now = clock();
        const settings = await getSetting(db, 'reminders');
        await sweepUpcoming(db, now); // bookings whose time passed no longer keep anyone off the count
        await schedule(now);
        await fire(now, lastReminderAt(now, settings, timeZone()));
      }),
    reschedule: () =>
      serial(async () => {
        await schedule(clock());
        if ((await getSetting(db, 'reminderState')).active) await showBadge(clock());
      }),
    refresh: () =>
      serial(async () => {
        if ((await getSetting(db, 'reminderState')).active) await showBadge(clock());
      }),
    markSeen: () =>
      serial(async () => {
        const state = await getSetting(db, 'reminderState');
        if (state.active) await setSetting(db, 'reminderState', { ...state, active: false });
        await clearBadge();
      }),
  };
}

async function mayNotify(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}
