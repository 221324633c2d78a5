import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AppDB } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { undoPatch } from '../../lib/popup/actions';
import { isPlanning } from '../../lib/relationships/booking';
import { type createReminders, REMINDER_ALARM } from '../../lib/reminders/weekly-reminder';
import { DAY, person } from '../helpers/people';
import { INSTALLED, startReminderBackground } from '../helpers/reminders';

// "Plan a catch-up" marks the person through the updatePeople command, the one path every change to a person
// takes; the background stamps the time by its own clock. The badge, counting only those who need the user,
// leaves them out while the mark lasts.
const MONDAY_9AM = Date.parse('2026-11-30T08:00:00Z');
let now = INSTALLED;
let db: AppDB;
let end: () => Promise<void>;
let reminders: ReturnType<typeof createReminders>;

beforeEach(async () => {
  now = INSTALLED;
  ({ db, reminders, end } = startReminderBackground('planning', () => now));
  await reminders.start();
  await db.people.bulkAdd([
    person('priya@finance.example', MONDAY_9AM - 80 * DAY, { displayName: 'Priya Raman' }),
    person('sam@partner.example', MONDAY_9AM - 70 * DAY, { displayName: 'Sam Okafor' }),
  ]);
  now = MONDAY_9AM;
  await reminders.onAlarm(REMINDER_ALARM);
});
afterEach(() => end());

const badge = () => fakeBrowser.action.getBadgeText({});
const priya = async () => {
  const found = await db.people.get('priya@finance.example');
  if (!found) throw new Error('Priya is gone');
  return found;
};

describe('the planning mark', () => {
  it('is stamped by the background at the click, and the badge stops counting them', async () => {
    expect(await badge()).toBe('2');
    now = MONDAY_9AM + 3_600_000;
    expect(
      await sendMessage('updatePeople', { emails: ['Priya@Finance.example'], patch: { planCatchUp: true } }),
    ).toEqual({ updated: 1 });
    expect(await priya()).toMatchObject({ planningSince: now, updatedAt: now });
    expect(isPlanning(await priya(), now)).toBe(true);
    expect(await badge()).toBe('1');
  });

  it('is undone by putting back what was there, and cleared by "Not planning"', async () => {
    const before = await priya();
    await sendMessage('updatePeople', { emails: [before.email], patch: { planCatchUp: true } });
    const undo = undoPatch(before, { planCatchUp: true });
    expect(undo).toEqual({ planningSince: null });
    await sendMessage('updatePeople', { emails: [before.email], patch: undo });
    expect((await priya()).planningSince).toBeNull();
    expect(await badge()).toBe('2');

    await sendMessage('updatePeople', { emails: [before.email], patch: { planCatchUp: true } });
    await sendMessage('updatePeople', { emails: [before.email], patch: { planningSince: null } });
    expect((await priya()).planningSince).toBeNull();
  });

  it('ends when a contact with them is logged, and after a week', async () => {
    await sendMessage('updatePeople', {
      emails: ['priya@finance.example', 'sam@partner.example'],
      patch: { planCatchUp: true },
    });
    expect(await badge()).toBe('');
    now = MONDAY_9AM + 2 * DAY;
    await sendMessage('logContact', { email: 'priya@finance.example', kind: 'coffee', at: now - 3_600_000 });
    expect(isPlanning(await priya(), now)).toBe(false);
    const sam = await db.people.get('sam@partner.example');
    expect(sam && isPlanning(sam, MONDAY_9AM + 7 * DAY - 1)).toBe(true);
    expect(sam && isPlanning(sam, MONDAY_9AM + 7 * DAY)).toBe(false);
  });

  it('takes no time from a page: a made-up mark or a stamp that is not a time is refused, changing nothing', async () => {
    const before = await priya();
    for (const patch of [
      { planCatchUp: false },
      { planCatchUp: 'yes' },
      { planningSince: 'now' },
      { planningSince: 1.5 },
    ]) {
      await expect(sendMessage('updatePeople', { emails: [before.email], patch: patch as never })).rejects.toThrow();
    }
    expect(await priya()).toEqual(before);
  });
});
