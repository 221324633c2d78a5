import type { AppDB } from '../../db/app-db';
import type { Interaction, Upcoming } from '../../db/types';
import { parseCalendarEvent } from '../../logging/event-schema';
import { calendarKey, meetingOf, recordContacts } from '../../logging/meeting-log';
import { judge, type MeetingRules } from '../../logging/rules';
import { BOOKED_HORIZON_MS, meetingsLogged, noteUpcoming, upcomingOf } from '../../logging/upcoming';
import type { IcsEvent } from './read';

export interface IcsSummary {
  meetings: number;
  peopleAdded: number;
  alreadyLogged: number;
  /** Meetings not yet started: noted as booked (with people Bridges counts), or left out (nothing to book). */
  booked: number;
  notStarted: number;
  declined: number;
  noOne: number;
  overLimit: number;
  /** Distinct groups (CUTYPE=GROUP) in the meetings logged: not people, so not counted as met. */
  groupsNotCounted: number;
  /** Events the shared event schema refused (a meeting before 1900…): not written, counted. */
  invalid: number;
}

export const EMPTY_SUMMARY: IcsSummary = {
  meetings: 0,
  peopleAdded: 0,
  alreadyLogged: 0,
  booked: 0,
  notStarted: 0,
  declined: 0,
  noOne: 0,
  overLimit: 0,
  groupsNotCounted: 0,
  invalid: 0,
};

/**
 * Logs the events of a calendar file with the rules of logging from the page (not yet happened, declined,
 * no one else, over the guest limit unless `includeLarge`), skipping meetings already logged. Each event
 * passes the same schema as an event logged from the page. Writes in transactions of a few hundred events,
 * reporting progress between them.
 */
export async function importEvents(
  db: AppDB,
  events: readonly IcsEvent[],
  options: { now: number; myEmails: readonly string[]; rules: MeetingRules; includeLarge: boolean },
  onProgress: (done: number, total: number) => void = () => {},
): Promise<IcsSummary> {
  const summary: IcsSummary = { ...EMPTY_SUMMARY };
  const groups = new Set<string>();
  const peopleBefore = await db.people.count();
  const CHUNK = 5000;
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    await db.transaction('rw', db.interactions, db.people, db.upcoming, async () => {
      const existing = await db.interactions.bulkGet(chunk.map((e) => calendarKey(e.eventId)));
      const fresh: Interaction[] = [];
      const ahead: Upcoming[] = [];
      const taken = new Set<string>();
      for (const [j, event] of chunk.entries()) {
        const key = calendarKey(event.eventId);
        if (existing[j] || taken.has(key)) {
          summary.alreadyLogged++;
          continue;
        }
        if (!parseCalendarEvent(event)) {
          summary.invalid++;
          continue;
        }
        taken.add(key);
        const verdict = judge(event, { ...options, confirmed: options.includeLarge });
        if (verdict.kind === 'not-started') {
          const booked =
            event.start <= options.now + BOOKED_HORIZON_MS && upcomingOf(event, options.myEmails, 'ics', options.now);
          if (booked) ahead.push(booked);
          else summary.notStarted++;
        } else if (verdict.kind === 'declined') summary.declined++;
        else if (verdict.kind === 'no-one') summary.noOne++;
        else if (verdict.kind === 'needs-confirmation') summary.overLimit++;
        else {
          fresh.push(meetingOf(event, verdict.attendees, 'ics', options.now));
          for (const group of event.groups) groups.add(group);
        }
      }
      await db.interactions.bulkAdd(fresh);
      await recordContacts(
        db,
        fresh.map((f) => ({ attendees: f.attendees, at: f.start })),
        options.now,
      );
      await meetingsLogged(db, fresh, options.now);
      const { noted, already } = await noteUpcoming(db, ahead, options.now);
      summary.booked += noted;
      // Meetings ahead that are in the log already (they began after all) are left out as not started yet; those
      // noted as booked before (the same file again) are simply known.
      summary.notStarted += ahead.length - noted - already;
      summary.meetings += fresh.length;
    });
    onProgress(Math.min(i + CHUNK, events.length), events.length);
  }
  summary.groupsNotCounted = groups.size;
  summary.peopleAdded = (await db.people.count()) - peopleBefore;
  return summary;
}
