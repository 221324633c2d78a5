import * as v from 'valibot';
import type { AppDB } from '../db/app-db';
import { parseCalendarEvent } from '../logging/event-schema';
import { logCalendarEvent, meetingStatus } from '../logging/service';
import type { Handlers } from '../messaging';
import { isEmail, normaliseEmail } from '../people/email';
import { deleteGroup, saveGroup } from '../people/groups';
import { deletePerson, mergePeople } from '../people/merge';
import { ContactSchema, UpdatePeopleSchema } from '../people/schemas';
import { logContact, updatePeople } from '../people/service';
import type { Reminders } from '../reminders/service';
import { meetingRulesItem, myEmailsItem } from '../settings';
import { currentWeeklyPick } from './weekly-pick';

/**
 * The background's answers to the message protocol. `clock` is injectable for tests; `reminders`, when
 * given, hears of every change so that a standing reminder's number follows the data.
 */
export function createHandlers(
  db: AppDB,
  clock: () => number = Date.now,
  reminders?: Pick<Reminders, 'refresh' | 'markSeen'>,
): Handlers {
  async function changed<T>(result: T): Promise<T> {
    await reminders?.refresh();
    return result;
  }
  return {
    async logMeeting(request) {
      const event = parseCalendarEvent(request?.event);
      if (!event) return { status: 'invalid' };
      const [rules, known] = await Promise.all([meetingRulesItem.getValue(), myEmailsItem.getValue()]);
      const myEmails = await learnSelf(known, event.selfEmail);
      const outcome = await logCalendarEvent(db, event, {
        now: clock(),
        myEmails,
        rules,
        confirmed: request.confirmed === true,
        logAnyway: request.logAnyway === true,
      });
      return outcome.status === 'logged' ? changed(outcome) : outcome;
    },
    async meetingStatus(request) {
      const eventId = request?.eventId;
      if (typeof eventId !== 'string' || eventId.length > 1024) return { logged: false };
      return meetingStatus(db, eventId);
    },
    async logContact(request) {
      const input = v.safeParse(ContactSchema, request);
      if (!input.success) return { status: 'refused', message: `Not logged: ${v.summarize(input.issues)}` };
      const outcome = await logContact(db, input.output, clock());
      return outcome.status === 'logged' ? changed(outcome) : outcome;
    },
    async updatePeople(request) {
      const input = v.parse(UpdatePeopleSchema, request);
      return changed({ updated: await updatePeople(db, input.emails, input.patch, clock()) });
    },
    async weeklyPick() {
      return { email: await currentWeeklyPick(db, clock()) };
    },
    async reminderSeen() {
      await reminders?.markSeen();
      return { ok: true };
    },
    async mergePeople(request) {
      const { keep, gone } = v.parse(v.object({ keep: Email, gone: Email }), request);
      await mergePeople(db, keep, gone, clock());
      return changed({ ok: true } as const);
    },
    async deletePerson(request) {
      const { email } = v.parse(v.object({ email: Email }), request);
      await deletePerson(db, email);
      return changed({ ok: true } as const);
    },
    async saveGroup(request) {
      const input = v.parse(
        v.object({
          id: v.optional(v.pipe(v.string(), v.maxLength(100))),
          name: v.pipe(v.string(), v.maxLength(1000)),
          kind: v.picklist(['department', 'organisation']),
        }),
        request,
      );
      const group = await saveGroup(db, input, clock());
      return changed({ id: group.id });
    },
    async deleteGroup(request) {
      const { id } = v.parse(v.object({ id: v.pipe(v.string(), v.maxLength(100)) }), request);
      await deleteGroup(db, id, clock());
      return changed({ ok: true } as const);
    },
    async dataChanged() {
      return changed({ ok: true } as const);
    },
  };
}

const Email = v.pipe(v.string(), v.maxLength(320), v.check(isEmail, 'not an email address'));

/** Remembers the Calendar account's address as one of the user's own. */
async function learnSelf(known: string[], selfEmail: string | null): Promise<string[]> {
  const email = selfEmail ? normaliseEmail(selfEmail) : '';
  if (!isEmail(email) || known.includes(email)) return known;
  const next = [...known, email];
  await myEmailsItem.setValue(next);
  return next;
}
