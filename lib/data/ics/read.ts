import { type Component, scanContentLines } from './content-lines';
import { collectEntries, isAllDayOutlook } from './entries';
import { collect } from './expand';
import { chooseHorizon } from './horizon';
import { cancelled, type Instance } from './instances';
import { MAX_CALENDAR_BYTES, tooLarge } from './limits';
import { type Context, newContext, type ReadIcsOptions, skip } from './read-context';
import {
  emptyReading,
  type IcsCappedSeries,
  type IcsEvent,
  type IcsLeftOut,
  type IcsReading,
  type IcsSkip,
} from './reading';
import { type Plan, planSeries } from './series';

export type { IcsCappedSeries, IcsEvent, IcsLeftOut, IcsReading, IcsSkip, ReadIcsOptions };

/**
 * The calendar-file reader, step by step: the file's lines into components (content-lines.ts); its events by
 * series (entries.ts); each series planned (series.ts); where a file too large is cut (horizon.ts); each series'
 * instances found (expand.ts, moved-instances.ts); and the instances as events, here.
 */

const NOT_A_CALENDAR = 'This file is not a calendar file (.ics)';
/** The properties the reader uses; the others (descriptions, alarms' texts, X- extensions) are stepped over. */
const WANTED = new Set([
  'X-WR-TIMEZONE',
  'TZID',
  'TZOFFSETFROM',
  'TZOFFSETTO',
  'UID',
  'RECURRENCE-ID',
  'SEQUENCE',
  'LAST-MODIFIED',
  'DTSTAMP',
  'SUMMARY',
  'STATUS',
  'DTSTART',
  'DTEND',
  'DURATION',
  'RRULE',
  'RDATE',
  'EXDATE',
  'ORGANIZER',
  'ATTENDEE',
  'X-MICROSOFT-CDO-ALLDAYEVENT',
]);

/**
 * Reads a calendar file (.ics) into events as a Calendar card would give them. Recurring events are
 * expanded into their instances up to `until`, newest first when a series must be cut; each instance carries
 * the id Calendar gives it ("<event id>_<start in UTC>", or "_<date>" all day), so that the same instance
 * imported here and logged from the page is one meeting. Exceptions belong to the series of their own UID;
 * of two copies of an event, the higher SEQUENCE wins. One unreadable event is skipped and named, never the
 * whole file; every loop is bounded. Pure: no DOM, nothing kept between calls but the browser's zone data.
 */
export function readIcs(text: string, options: ReadIcsOptions): IcsReading {
  const reading = emptyReading();
  if (text.startsWith('PK\u0003\u0004')) {
    reading.problem = `${NOT_A_CALENDAR}: it is a .zip archive. Unzip it and choose the .ics file inside.`;
    return reading;
  }
  const maxBytes = options.maxBytes ?? MAX_CALENDAR_BYTES;
  if (text.length > maxBytes) {
    reading.problem = tooLarge(maxBytes);
    return reading;
  }
  const scan = scanContentLines(text, WANTED);
  reading.unreadableLines = scan.unreadableLines;
  if (scan.calendars.length === 0) {
    reading.problem = `${NOT_A_CALENDAR}: it has no VCALENDAR.`;
    return reading;
  }
  const ctx = newContext(options, reading);
  const plans = planCalendars(scan.calendars, ctx);
  const horizon = chooseHorizon(plans, ctx);
  let budgetNoted = false;
  for (const plan of plans) {
    if (ctx.budget.steps <= 0) {
      skip(ctx, plan.entry, 'the file repeats more than Bridges follows at once, so this series was not read');
      if (!budgetNoted)
        reading.notes.push('The file repeats more than Bridges follows at once: some series were not read.');
      budgetNoted = true;
      continue;
    }
    const found = collect(plan, horizon, ctx);
    if (found) emit(plan, found.kept, ctx);
  }
  for (const [zone, events] of ctx.unknownZones) reading.unknownZones.push({ zone, events: events.size });
  reading.events.sort((a, b) => a.start - b.start);
  reading.skipped.sort((a, b) => a.line - b.line);
  reading.readInPart.sort((a, b) => a.line - b.line);
  return reading;
}

/**
 * The file's events as series ready to expand. A moved instance whose series is not in the file (an invitation
 * to one instance) is a meeting of its own.
 */
function planCalendars(calendars: readonly Component[], ctx: Context): Plan[] {
  const { masters, exceptions } = collectEntries(calendars, ctx);
  const plans: Plan[] = [];
  for (const [base, master] of masters) {
    const plan = planSeries(master, [...(exceptions.get(base)?.values() ?? [])], ctx);
    if (plan) plans.push(plan);
    exceptions.delete(base);
  }
  for (const copies of exceptions.values()) {
    for (const entry of copies.values()) {
      const plan = planSeries(entry, [], ctx, true);
      if (plan) plans.push(plan);
    }
  }
  return plans;
}

/** The instances read, as events; cancelled ones are left out and counted. */
function emit(plan: Plan, kept: readonly Instance[], ctx: Context) {
  const { entry, isDate, zone } = plan;
  const recurring = plan.rules.length > 0 || plan.rdates.length > 0;
  const masterAllDay = isDate || isAllDayOutlook(entry.vevent);
  for (const instance of kept) {
    if (cancelled(instance, plan)) {
      ctx.reading.cancelled++;
      continue;
    }
    const own = instance.vevent === entry.vevent;
    const stampId = recurring || plan.lone ? `${entry.base}_${instance.id}` : entry.base;
    const allDay = own ? masterAllDay : isDate || isAllDayOutlook(instance.vevent);
    ctx.reading.events.push({
      eventId: stampId,
      calendarId: '',
      title: instance.title,
      start: instance.start,
      end: Math.max(instance.end, instance.start),
      allDay,
      timeZone: zone.id.slice(0, 100),
      selfEmail: null,
      selfDeclined: false,
      guests: instance.people.guests,
      groups: instance.people.groups,
      line: instance.line,
    });
  }
}
