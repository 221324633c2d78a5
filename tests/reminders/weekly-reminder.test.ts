import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AppDB } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { type createReminders, DIGEST_NOTIFICATION, REMINDER_ALARM } from '../../lib/reminders/weekly-reminder';
import { getSetting, setSetting } from '../../lib/settings';
import { DAY, person } from '../helpers/people';
import { INSTALLED, startReminderBackground } from '../helpers/reminders';

// The weekly reminder with fakeBrowser (alarms, badge, notifications) and a clock the test moves.
let now = INSTALLED;
let db: AppDB;
let end: () => Promise<void>;
let reminders: ReturnType<typeof createReminders>;

beforeEach(async () => {
  now = INSTALLED;
  ({ db, reminders, end } = startReminderBackground('reminders', () => now));
});
afterEach(() => end());

const badge = () => fakeBrowser.action.getBadgeText({});
const title = () => fakeBrowser.action.getTitle({});
const alarmTime = async () => (await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime;
/** Seeds people relative to the reminder that will fire on Monday 2026-11-30 09:00 Berlin. */
async function seed() {
  const monday = Date.parse('2026-11-30T08:00:00Z');
  await db.people.bulkAdd([
    person('red1@finance.example', monday - 80 * DAY, { displayName: 'Priya Raman' }),
    person('red2@partner.example', monday - 70 * DAY, { displayName: 'Sam Okafor' }),
    person('amber@x.example', monday - 40 * DAY, { displayName: 'Wei Chen' }),
    person('high-red@x.example', monday - 30 * DAY, { displayName: 'Dana Kim', priority: 'high' }),
    person('green@x.example', monday - 2 * DAY),
    person('team@x.example', monday - 200 * DAY, { team: true }),
  ]);
}

describe('the weekly reminder', () => {
  it('is scheduled at install for Monday 09:00 local, and nothing shows until then', async () => {
    await seed();
    await reminders.start();
    expect(await alarmTime()).toBe(Date.parse('2026-11-02T08:00:00Z'));
    expect(await badge()).toBe('');
    expect((await getSetting(db, 'reminderState')).installedAt).toBe(INSTALLED);
  });

  it('when it fires, the badge counts the red relationships outside the team, says what it means, and the pick is chosen', async () => {
    await reminders.start();
    await seed();
    now = Date.parse('2026-11-30T08:00:00Z');
    await reminders.onAlarm(REMINDER_ALARM);
    expect(await badge()).toBe('3');
    expect(await title()).toBe('Bridges: 3 relationships outside your team are overdue. Open Bridges to see who.');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([197, 34, 31, 255]);
    expect(await getSetting(db, 'weeklyPick')).toMatchObject({ week: '2026-W49' });
    // ... and the next one is scheduled a week on.
    expect(await alarmTime()).toBe(Date.parse('2026-12-07T08:00:00Z'));
  });

  it('counts red and amber, or high priority only, as the user chose', async () => {
    await reminders.start();
    await seed();
    now = Date.parse('2026-11-30T08:00:00Z');
    await setSetting(db, 'reminders', { day: 1, hour: 9, counts: 'red-amber', highOnly: false, notifications: false });
    await reminders.onAlarm(REMINDER_ALARM);
    expect(await badge()).toBe('4');
    await setSetting(db, 'reminders', { day: 1, hour: 9, counts: 'red', highOnly: true, notifications: false });
    await reminders.refresh();
    expect(await badge()).toBe('1');
    expect(await title()).toBe(
      'Bridges: 1 high-priority relationship outside your team is overdue. Open Bridges to see who.',
    );
  });

  it('follows the data while it stands: logging a contact, snoozing and marking as my team lower the number', async () => {
    await reminders.start();
    await seed();
    now = Date.parse('2026-11-30T08:00:00Z');
    await reminders.onAlarm(REMINDER_ALARM);
    expect(await badge()).toBe('3');
    await sendMessage('logContact', { email: 'red1@finance.example', kind: 'coffee', at: now - DAY });
    expect(await badge()).toBe('2');
    await sendMessage('updatePeople', { emails: ['red2@partner.example'], patch: { snoozeFor: 'week' } });
    expect(await badge()).toBe('1');
    await sendMessage('updatePeople', { emails: ['high-red@x.example'], patch: { team: true } });
    expect(await badge()).toBe('');
  });

  it('clears when the popup is opened, and stays clear until next week', async () => {
    await reminders.start();
    await seed();
    now = Date.parse('2026-11-30T08:00:00Z');
    await reminders.onAlarm(REMINDER_ALARM);
    await sendMessage('reminderSeen', {});
    expect(await badge()).toBe('');
    await sendMessage('updatePeople', { emails: ['green@x.example'], patch: { priority: 'high' } });
    expect(await badge()).toBe('');
    now = Date.parse('2026-12-07T08:00:00Z');
    await reminders.onAlarm(REMINDER_ALARM);
    expect(await badge()).toBe('3');
  });

  it('catches up a week missed while the browser was closed, once', async () => {
    await reminders.start(); // installed on 1 November
    await seed();
    // The browser was closed from 5 November to Wednesday 2 December: three reminders were missed.
    now = Date.parse('2026-12-02T10:00:00Z');
    await reminders.start();
    expect(await badge()).toBe('3');
    expect((await getSetting(db, 'reminderState')).lastFiredWeek).toBe('2026-W49');
    await sendMessage('reminderSeen', {});
    await reminders.start(); // the background starts again the same week: nothing more
    expect(await badge()).toBe('');
    expect(await alarmTime()).toBe(Date.parse('2026-12-07T08:00:00Z'));
  });

  it('fires once even when the alarm and a start come together', async () => {
    await reminders.start();
    await seed();
    now = Date.parse('2026-11-30T08:00:00Z');
    await Promise.all([reminders.onAlarm(REMINDER_ALARM), reminders.start(), reminders.onAlarm(REMINDER_ALARM)]);
    expect((await getSetting(db, 'reminderState')).lastFiredWeek).toBe('2026-W49');
    expect(await badge()).toBe('3');
  });

  it('shows no badge when nothing is overdue', async () => {
    await reminders.start();
    await db.people.add(person('fine@x.example', Date.parse('2026-11-28T08:00:00Z')));
    now = Date.parse('2026-11-30T08:00:00Z');
    await reminders.onAlarm(REMINDER_ALARM);
    expect(await badge()).toBe('');
  });

  it('moves the alarm when the user picks another day and hour', async () => {
    await reminders.start();
    await setSetting(db, 'reminders', { day: 5, hour: 16, counts: 'red', highOnly: false, notifications: false });
    await reminders.reschedule();
    expect(await alarmTime()).toBe(Date.parse('2026-11-06T15:00:00Z')); // Friday 16:00 CET
  });

  it('sends one digest notification when they are on and allowed', async () => {
    fakeBrowser.permissions.contains = async () => true;
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await reminders.start();
    await seed();
    await setSetting(db, 'reminders', { day: 1, hour: 9, counts: 'red', highOnly: false, notifications: true });
    now = Date.parse('2026-11-30T08:00:00Z');
    await reminders.onAlarm(REMINDER_ALARM);
    await reminders.onAlarm(REMINDER_ALARM); // the same week again: no second digest
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([DIGEST_NOTIFICATION]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      title: 'Bridges: this week',
      message:
        '3 relationships need you this week: Dana Kim (x.example), Priya Raman (finance.example), Sam Okafor (partner.example).',
    });
  });

  it('sends no notification when they are off (the default)', async () => {
    fakeBrowser.permissions.contains = async () => true;
    await reminders.start();
    await seed();
    now = Date.parse('2026-11-30T08:00:00Z');
    await reminders.onAlarm(REMINDER_ALARM);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
