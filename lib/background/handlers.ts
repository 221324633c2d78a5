import * as v from 'valibot';
import type { AppDB } from '../db/app-db';
import { parseCalendarEvent } from '../logging/event-schema';
import { logCalendarEvent, meetingStatus } from '../logging/service';
import type { Handlers } from '../messaging';
import { isEmail, normaliseEmail } from '../people/email';
import { ContactSchema, UpdatePeopleSchema } from '../people/schemas';
import { logContact, updatePeople } from '../people/service';
import { meetingRulesItem, myEmailsItem } from '../settings';
import { currentWeeklyPick } from './weekly-pick';

/** The background's answers to the message protocol. `clock` is injectable for tests. */
export function createHandlers(db: AppDB, clock: () => number = Date.now): Handlers {
  return {
    async logMeeting(request) {
      const event = parseCalendarEvent(request?.event);
      if (!event) return { status: 'invalid' };
      const [rules, known] = await Promise.all([meetingRulesItem.getValue(), myEmailsItem.getValue()]);
      const myEmails = await learnSelf(known, event.selfEmail);
      return logCalendarEvent(db, event, { now: clock(), myEmails, rules, confirmed: request.confirmed === true });
    },
    async meetingStatus(request) {
      const eventId = request?.eventId;
      if (typeof eventId !== 'string' || eventId.length > 1024) return { logged: false };
      return meetingStatus(db, eventId);
    },
    async logContact(request) {
      const input = v.safeParse(ContactSchema, request);
      if (!input.success) return { status: 'refused', message: `Not logged: ${v.summarize(input.issues)}` };
      return logContact(db, input.output, clock());
    },
    async updatePeople(request) {
      const input = v.parse(UpdatePeopleSchema, request);
      return { updated: await updatePeople(db, input.emails, input.patch, clock()) };
    },
    async weeklyPick() {
      return { email: await currentWeeklyPick(db, clock()) };
    },
  };
}

/** Remembers the Calendar account's address as one of the user's own. */
async function learnSelf(known: string[], selfEmail: string | null): Promise<string[]> {
  const email = selfEmail ? normaliseEmail(selfEmail) : '';
  if (!isEmail(email) || known.includes(email)) return known;
  const next = [...known, email];
  await myEmailsItem.setValue(next);
  return next;
}
