import ICAL from 'ical.js';
import type { CalendarEvent, CalendarGuest } from '../calendar/google/card';
import type { AppDB } from '../db/app-db';
import type { Interaction, Response } from '../db/types';
import { judge, type MeetingRules } from '../logging/rules';
import { calendarKey, meetingOf, recordContacts } from '../logging/service';

/**
 * Reads a calendar file (.ics, as Google Calendar exports it) into events as a Calendar card would give them:
 * recurring events expanded into their instances up to `until`, each instance with the id Calendar gives it
 * ("<event id>_<start in UTC>"), so that an instance imported here and the same instance logged from the page
 * are one meeting; moved and cancelled instances as the file says; times in the file's own time zones.
 */
export function readIcs(
  text: string,
  until: number,
  maxPerSeries = 2000,
): { events: CalendarEvent[]; problem: string | null } {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    return { events: [], problem: `This file is not a calendar file (.ics): ${(error as Error).message}` };
  }
  if (root.name !== 'vcalendar')
    return { events: [], problem: 'This file is not a calendar file (.ics): it has no VCALENDAR.' };
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);

  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Component[] = [];
  for (const vevent of root.getAllSubcomponents('vevent')) {
    if (vevent.hasProperty('recurrence-id')) exceptions.push(vevent);
    else {
      const event = new ICAL.Event(vevent);
      if (event.uid) masters.set(event.uid, event);
    }
  }
  for (const exception of exceptions) {
    const uid = String(exception.getFirstPropertyValue('uid') ?? '');
    const master = masters.get(uid);
    if (master) master.relateException(exception);
    else masters.set(`${uid}#${exceptions.indexOf(exception)}`, new ICAL.Event(exception)); // a lone moved instance
  }

  const events: CalendarEvent[] = [];
  for (const master of masters.values()) {
    const base = idOf(master.uid);
    if (!base) continue;
    if (!master.isRecurring()) {
      const instanceId = master.isRecurrenceException() ? `${base}_${stamp(master.recurrenceId)}` : base;
      const event = toEvent(master.component, master.startDate, master.endDate, instanceId);
      if (event && event.start <= until) events.push(event);
      continue;
    }
    const iterator = master.iterator();
    for (let n = 0, next = iterator.next(); next && n < maxPerSeries; n++, next = iterator.next()) {
      if (next.toJSDate().getTime() > until) break;
      const details = master.getOccurrenceDetails(next);
      const event = toEvent(
        details.item.component,
        details.startDate,
        details.endDate,
        `${base}_${stamp(details.recurrenceId)}`,
      );
      if (event) events.push(event);
    }
  }
  return { events: events.sort((a, b) => a.start - b.start), problem: null };
}

/** Google's UIDs are "<event id>@google.com"; the page's ids are the part before "@". */
function idOf(uid: string): string | null {
  const id = uid.replace(/@google\.com$/i, '').replace(/[^A-Za-z0-9_\-.@]/g, '_');
  return id.length > 0 && id.length <= 1000 ? id : null;
}

/** "20261123T150000Z" (timed) or "20261123" (all day), as in Calendar's instance ids. */
function stamp(time: ICAL.Time): string {
  if (time.isDate) return time.toICALString();
  return time.convertToZone(ICAL.Timezone.utcTimezone).toICALString().replace(/Z?$/, 'Z');
}

const RESPONSES: Record<string, Response> = {
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  'NEEDS-ACTION': 'needsAction',
};

function toEvent(vevent: ICAL.Component, start: ICAL.Time, end: ICAL.Time, eventId: string): CalendarEvent | null {
  if (String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return null;
  const organizer = String(vevent.getFirstPropertyValue('organizer') ?? '')
    .replace(/^mailto:/i, '')
    .toLowerCase();
  const guests: CalendarGuest[] = vevent.getAllProperties('attendee').map((p) => {
    const email = String(p.getFirstValue() ?? '')
      .replace(/^mailto:/i, '')
      .trim()
      .toLowerCase();
    const name = String(p.getParameter('cn') ?? '').trim();
    return {
      email,
      name: name || email,
      response: RESPONSES[String(p.getParameter('partstat') ?? 'NEEDS-ACTION').toUpperCase()] ?? 'needsAction',
      organizer: email === organizer,
      optional: String(p.getParameter('role') ?? '').toUpperCase() === 'OPT-PARTICIPANT',
    };
  });
  const startMs = start.toJSDate().getTime();
  const endMs = end ? end.toJSDate().getTime() : startMs;
  if (!Number.isFinite(startMs)) return null;
  return {
    eventId,
    calendarId: '',
    title: String(vevent.getFirstPropertyValue('summary') ?? '').slice(0, 2000) || '(no title)',
    start: startMs,
    end: Math.max(endMs, startMs),
    allDay: start.isDate,
    timeZone: start.zone?.tzid ?? 'UTC',
    selfEmail: null,
    selfDeclined: false,
    guests,
  };
}

export interface IcsSummary {
  meetings: number;
  peopleAdded: number;
  alreadyLogged: number;
  notStarted: number;
  declined: number;
  noOne: number;
  overLimit: number;
}

/**
 * Logs the events of a calendar file with the rules of logging from the page (not yet happened, declined,
 * no one else, over the guest limit unless `includeLarge`), skipping meetings already logged. Writes in
 * transactions of a few hundred events, reporting progress between them.
 */
export async function importEvents(
  db: AppDB,
  events: readonly CalendarEvent[],
  options: { now: number; myEmails: readonly string[]; rules: MeetingRules; includeLarge: boolean },
  onProgress: (done: number, total: number) => void = () => {},
): Promise<IcsSummary> {
  const summary: IcsSummary = {
    meetings: 0,
    peopleAdded: 0,
    alreadyLogged: 0,
    notStarted: 0,
    declined: 0,
    noOne: 0,
    overLimit: 0,
  };
  const peopleBefore = await db.people.count();
  const CHUNK = 500;
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    await db.transaction('rw', db.interactions, db.people, async () => {
      const existing = await db.interactions.bulkGet(chunk.map((e) => calendarKey(e.eventId)));
      const fresh: Interaction[] = [];
      const taken = new Set<string>();
      for (const [j, event] of chunk.entries()) {
        const key = calendarKey(event.eventId);
        if (existing[j] || taken.has(key)) {
          summary.alreadyLogged++;
          continue;
        }
        taken.add(key);
        const verdict = judge(event, { ...options, confirmed: options.includeLarge });
        if (verdict.kind === 'not-started') summary.notStarted++;
        else if (verdict.kind === 'declined') summary.declined++;
        else if (verdict.kind === 'no-one') summary.noOne++;
        else if (verdict.kind === 'needs-confirmation') summary.overLimit++;
        else {
          fresh.push(meetingOf(event, verdict.attendees, 'ics', options.now));
        }
      }
      await db.interactions.bulkAdd(fresh);
      await recordContacts(
        db,
        fresh.map((f) => ({ attendees: f.attendees, at: f.start })),
        options.now,
      );
      summary.meetings += fresh.length;
    });
    onProgress(Math.min(i + CHUNK, events.length), events.length);
  }
  summary.peopleAdded = (await db.people.count()) - peopleBefore;
  return summary;
}
