import { allProps, type Component, firstProp, type Property, scanContentLines } from './content-lines';
import { estimatedHorizon, estimateTotal, newestWithin } from './file-limit';
import { DEFAULT_MAX_PER_SERIES, MAX_CALENDAR_BYTES, MAX_INSTANCES, tooLarge } from './limits';
import { type EventPeople, PeopleCache, readPeople } from './people';
import {
  emptyReading,
  type IcsCappedSeries,
  type IcsEvent,
  type IcsLeftOut,
  type IcsReading,
  type IcsSkip,
} from './reading';

export type { IcsCappedSeries, IcsEvent, IcsLeftOut, IcsReading, IcsSkip };

import { type Budget, expandRule, type Rule, readRule } from './rules';
import {
  readDuration,
  readPeriod,
  readTime,
  readTimeList,
  readTimeProp,
  type TimeValue,
  unescapeText,
  zoneParam,
} from './values';
import { DAY_MS, dateKey, utcStamp, type Wall, wallMs } from './wall';
import { toInstant, UTC, wallAt, type Zone, ZoneBook } from './zones';

export interface ReadIcsOptions {
  /** Instances that start after this instant are not read: the import's "now". */
  until: number;
  /** The zone of floating times and all-day dates when the file names none (the computer's). */
  timeZone?: string;
  /** The newest instances kept of one series. */
  maxPerSeries?: number;
  /** The instances read from one file in all; beyond it, the oldest are left out. */
  maxInstances?: number;
  /** A larger file is not read (its length in characters, which is its size in bytes or less). */
  maxBytes?: number;
  /** The recurrence steps one file may take in all. */
  maxSteps?: number;
}

const DEFAULT_MAX_STEPS = 2_000_000;
const SKIPS_NAMED = 50;
const NOTES_KEPT = 10;
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

function newContext(options: ReadIcsOptions, reading: IcsReading): Context {
  return {
    options,
    reading,
    maxPerSeries: options.maxPerSeries ?? DEFAULT_MAX_PER_SERIES,
    budget: { steps: options.maxSteps ?? DEFAULT_MAX_STEPS },
    people: new PeopleCache(),
    unknownZones: new Map(),
  };
}

interface Context {
  options: ReadIcsOptions;
  reading: IcsReading;
  maxPerSeries: number;
  budget: Budget;
  people: PeopleCache;
  /** The events whose times are in each unknown zone. */
  unknownZones: Map<string, Set<Component>>;
}

/** A VEVENT as read before it is expanded. */
interface Entry {
  vevent: Component;
  title: string;
  base: string;
  recurrence: Property | undefined;
  sequence: number;
  /** LAST-MODIFIED and DTSTAMP, read only when two copies are compared. */
  modified: Property | undefined;
  stamp: Property | undefined;
  order: number;
  book: ZoneBook;
}

/** A series (or a single event) ready to expand. */
interface Plan {
  entry: Entry;
  zone: Zone;
  isDate: boolean;
  start: Wall;
  startMs: number;
  /** How long each instance lasts: milliseconds, or whole days for all-day events. */
  length: { ms: number } | { days: number };
  rules: Array<{ rule: Rule; until: Wall | null }>;
  rdates: Array<{ start: number; wall: Wall; ms?: number }>;
  exdates: Set<string>;
  /** Date-only EXDATEs against a timed series: every instance on that day (in the series' zone) is out. */
  exdays: Set<string>;
  exceptions: Entry[];
  people: EventPeople;
  /** A lone moved instance: its series is not in the file. */
  lone: boolean;
  masterCancelled: boolean;
}

function title(vevent: Component): string {
  const summary = firstProp(vevent, 'SUMMARY');
  const text = summary ? unescapeText(summary.value).replace(/\s+/g, ' ').trim() : '';
  return text.slice(0, 2000) || '(no title)';
}

function skip(ctx: Context, entry: { vevent: Component; title: string }, reason: string) {
  ctx.reading.skippedCount++;
  if (ctx.reading.skipped.length < SKIPS_NAMED)
    ctx.reading.skipped.push({ title: entry.title, line: entry.vevent.line, reason });
}

/** An event is read, with a detail of it left out or assumed: said, with what was done. */
function readInPart(ctx: Context, entry: { vevent: Component; title: string }, what: string) {
  ctx.reading.readInPartCount++;
  if (ctx.reading.readInPart.length < SKIPS_NAMED)
    ctx.reading.readInPart.push({ title: entry.title, line: entry.vevent.line, reason: what });
}

/**
 * The file's events as series ready to expand. Moved instances join their series by UID across the whole file:
 * some writers put them in a VCALENDAR block of their own.
 */
function planCalendars(calendars: readonly Component[], ctx: Context): Plan[] {
  const masters = new Map<string, Entry>();
  const exceptions = new Map<string, Map<string, Entry>>();
  let order = 0;
  for (const calendar of calendars) {
    const zoneName = firstProp(calendar, 'X-WR-TIMEZONE')?.value.trim() || null;
    const readerZone = ctx.options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const book = new ZoneBook(
      calendar.children.filter((c) => c.name === 'VTIMEZONE'),
      zoneName,
      readerZone,
    );
    for (const vevent of calendar.children) {
      if (vevent.name !== 'VEVENT') continue;
      const entry = readEntry(vevent, book, order++, ctx);
      if (!entry) continue;
      if (entry.recurrence) {
        const key = `${zoneParam(entry.recurrence) ?? ''}|${entry.recurrence.value.trim().toUpperCase()}`;
        let copies = exceptions.get(entry.base);
        if (!copies) {
          copies = new Map();
          exceptions.set(entry.base, copies);
        }
        const other = copies.get(key);
        copies.set(key, other ? newer(other, entry) : entry);
      } else {
        const other = masters.get(entry.base);
        masters.set(entry.base, other ? newer(other, entry) : entry);
      }
    }
  }
  const plans: Plan[] = [];
  for (const [base, master] of masters) {
    const plan = planSeries(master, [...(exceptions.get(base)?.values() ?? [])], ctx);
    if (plan) plans.push(plan);
    exceptions.delete(base);
  }
  // Moved instances whose series is not in the file (an invitation to one instance): each is a meeting.
  for (const copies of exceptions.values()) {
    for (const entry of copies.values()) {
      const plan = planSeries(entry, [], ctx, true);
      if (plan) plans.push(plan);
    }
  }
  return plans;
}

function readEntry(vevent: Component, book: ZoneBook, order: number, ctx: Context): Entry | null {
  const entry = { vevent, title: title(vevent) };
  if (vevent.unclosed) {
    skip(ctx, entry, 'its END:VEVENT line is missing (the file may be cut off)');
    return null;
  }
  const recurrence = firstProp(vevent, 'RECURRENCE-ID');
  const uid = firstProp(vevent, 'UID')?.value.trim() ?? '';
  let base: string;
  if (uid) base = idOf(uid);
  else if (recurrence) {
    skip(ctx, entry, 'it moves one instance of a series (RECURRENCE-ID) but has no UID to say which series');
    return null;
  } else {
    // Older Outlook exports leave UID out: the same content gives the same key, so a second import adds nothing.
    const start = firstProp(vevent, 'DTSTART');
    const organizer = firstProp(vevent, 'ORGANIZER')?.value.trim().toLowerCase() ?? '';
    base = `nouid-${hash(`${start?.params.TZID ?? ''}|${start?.value ?? ''}|${entry.title}|${organizer}`)}`;
  }
  return {
    ...entry,
    base,
    recurrence,
    sequence: integer(firstProp(vevent, 'SEQUENCE')?.value),
    modified: firstProp(vevent, 'LAST-MODIFIED'),
    stamp: firstProp(vevent, 'DTSTAMP'),
    order,
    book,
  };
}

/** Of two copies of one event or instance: the higher SEQUENCE, then the later LAST-MODIFIED, then DTSTAMP. */
function newer(a: Entry, b: Entry): Entry {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence ? a : b;
  const [am, bm] = [stampOf(a.modified), stampOf(b.modified)];
  if (am !== bm) return am > bm ? a : b;
  const [as, bs] = [stampOf(a.stamp), stampOf(b.stamp)];
  if (as !== bs) return as > bs ? a : b;
  return a.order > b.order ? a : b;
}

function integer(raw: string | undefined): number {
  const n = Number(raw?.trim());
  return raw !== undefined && Number.isSafeInteger(n) ? n : 0;
}

function stampOf(prop: Property | undefined): number {
  const t = prop ? readTime(prop.value, null) : null;
  return t ? wallMs(t.wall) : Number.NEGATIVE_INFINITY;
}

/** Google's UIDs are "<event id>@google.com"; the page's ids are the part before "@". */
function idOf(uid: string): string {
  const id = uid.replace(/@google\.com$/i, '').replace(/[^A-Za-z0-9_\-.@]/g, '_');
  return id.length <= 900 ? id : `uid-${hash(uid)}`;
}

/** A 53-bit string hash (cyrb53), as 14 hex digits: stable keys for events without a UID. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The zone a time value is in, and its instant. A zone that neither the file nor Bridges knows is read as the
 * reader's own (floating) time, and the event is counted under that zone's name, to be said.
 */
function resolve(value: TimeValue, entry: Entry, ctx: Context): { zone: Zone; instant: number } {
  const book = entry.book;
  if (value.kind === 'utc') return { zone: UTC, instant: wallMs(value.wall) };
  if (value.kind === 'date' || value.tzid === null)
    return { zone: book.floating, instant: toInstant(book.floating, value.wall) };
  let zone = book.get(value.tzid);
  if (!zone) {
    const name = value.tzid.slice(0, 80);
    let events = ctx.unknownZones.get(name);
    if (!events) {
      events = new Set();
      ctx.unknownZones.set(name, events);
    }
    events.add(entry.vevent);
    zone = book.floating;
  }
  return { zone, instant: toInstant(zone, value.wall) };
}

function planSeries(entry: Entry, exceptions: Entry[], ctx: Context, lone = false): Plan | null {
  const { vevent, book } = entry;
  const startProp = firstProp(vevent, 'DTSTART');
  if (!startProp) {
    skip(ctx, entry, 'it has no start (DTSTART)');
    return null;
  }
  const startValue = readTimeProp(startProp);
  if (!startValue) {
    skip(ctx, entry, `its start (DTSTART:${startProp.value.slice(0, 40)}) is not a date`);
    return null;
  }
  let start = resolve(startValue, entry, ctx);
  let startWall = startValue.wall;
  const isDate = startValue.kind === 'date';
  let length = lengthOf(entry, startValue, start.instant, ctx);
  if ('problem' in length) {
    skip(ctx, entry, length.problem);
    return null;
  }
  if ('ms' in length && length.ms < 0 && !isDate) {
    // The end written before the start: the meeting is the time between them.
    start = { zone: start.zone, instant: start.instant + length.ms };
    startWall = wallAt(start.zone, start.instant);
    length = { ms: -length.ms };
  }
  const rules: Plan['rules'] = [];
  if (!lone) {
    for (const prop of allProps(vevent, 'RRULE')) {
      if (prop.value.trim() === '') continue; // an empty RRULE (written by some holiday calendars) is none
      const rule = readRule(prop.value);
      if ('problem' in rule) {
        readInPart(ctx, entry, `${rule.problem}, so it was read as one meeting`);
        continue;
      }
      for (const part of rule.dropped)
        readInPart(ctx, entry, `part of its repeat rule (${part.slice(0, 40)}) could not be read and was left out`);
      rules.push({ rule, until: untilWall(rule, isDate, start.zone, book) });
    }
  }
  const rdates: Plan['rdates'] = [];
  const exdates = new Set<string>();
  const exdays = new Set<string>();
  if (!lone) {
    for (const prop of allProps(vevent, 'RDATE')) {
      const periods = (prop.params.VALUE ?? '').toUpperCase() === 'PERIOD' || prop.value.includes('/');
      for (const piece of prop.value.split(',').filter((p) => p.trim() !== '')) {
        const period = periods ? readPeriod(piece, zoneParam(prop)) : null;
        const value = period ? period.start : readTime(piece, zoneParam(prop));
        if (!value) {
          readInPart(
            ctx,
            entry,
            `one of its added dates (RDATE) could not be read and was left out: ${piece.trim().slice(0, 40)}`,
          );
          continue;
        }
        const at = resolve(value, entry, ctx);
        const wall = isDate ? value.wall : wallAt(start.zone, at.instant);
        const instant = isDate
          ? toInstant(book.floating, { ...value.wall, hour: 0, minute: 0, second: 0 })
          : at.instant;
        let ms: number | undefined;
        if (period?.ms !== undefined) ms = period.ms;
        else if (period?.end) ms = Math.max(0, resolve(period.end, entry, ctx).instant - at.instant);
        rdates.push({ start: instant, wall, ...(ms !== undefined ? { ms } : {}) });
      }
    }
    for (const prop of allProps(vevent, 'EXDATE')) {
      const pieces = prop.value.split(',').filter((p) => p.trim() !== '');
      for (const [i, value] of readTimeList(prop).entries()) {
        if (!value) {
          const piece = (pieces[i] ?? '').trim().slice(0, 40);
          readInPart(ctx, entry, `one of its excluded dates (EXDATE) could not be read and was left out: ${piece}`);
          continue;
        }
        if (isDate || value.kind === 'date') {
          // An all-day series (or a date against a timed one): the day is out. Outlook writes an all-day
          // series' EXDATE as a date-time at midnight; its date is the day.
          const day = value.kind === 'utc' ? dateKey(wallAt(book.floating, wallMs(value.wall))) : dateKey(value.wall);
          (isDate ? exdates : exdays).add(day);
        } else exdates.add(String(resolve(value, entry, ctx).instant));
      }
    }
  }
  return {
    entry,
    zone: start.zone,
    isDate,
    start: startWall,
    startMs: start.instant,
    length,
    rules,
    rdates,
    exdates,
    exdays,
    exceptions,
    people: readPeople(vevent, ctx.people),
    lone,
    masterCancelled: isCancelled(vevent),
  };
}

/**
 * How long the event lasts: DTEND, else DURATION, else none (a timed event) or one day (an all-day event). A
 * timed end against an all-day start is kept as written; an unreadable DURATION is read as none, and said.
 * A negative length is the end written before the start.
 */
function lengthOf(
  entry: Entry,
  start: TimeValue,
  startMs: number,
  ctx: Context,
): { ms: number } | { days: number } | { problem: string } {
  const vevent = entry.vevent;
  const endProp = firstProp(vevent, 'DTEND');
  if (endProp) {
    const end = readTimeProp(endProp);
    if (!end) return { problem: `its end (DTEND:${endProp.value.slice(0, 40)}) is not a date` };
    if (start.kind === 'date' && end.kind === 'date') {
      const days = Math.round((wallMs(end.wall) - wallMs(start.wall)) / DAY_MS);
      return { days: Math.max(1, days) };
    }
    const ms = resolve(end, entry, ctx).instant - startMs;
    return start.kind === 'date' && ms <= 0 ? { days: 1 } : { ms };
  }
  const durationProp = firstProp(vevent, 'DURATION');
  if (durationProp) {
    const ms = readDuration(durationProp.value);
    if (ms === null) {
      const what = `its length (DURATION:${durationProp.value.slice(0, 30)}) could not be read`;
      readInPart(ctx, entry, `${what}, so it was read as ${start.kind === 'date' ? 'one day' : 'taking no time'}`);
      return start.kind === 'date' ? { days: 1 } : { ms: 0 };
    }
    return start.kind === 'date' ? { days: Math.max(1, Math.round(ms / DAY_MS)) } : { ms };
  }
  return start.kind === 'date' ? { days: 1 } : { ms: 0 };
}

/**
 * A rule's UNTIL as a wall time of the series. A date-only UNTIL against a timed series (Google writes
 * `UNTIL=20240103`) includes its whole last day; a UTC one is read in the series' zone.
 */
function untilWall(rule: Rule, isDate: boolean, zone: Zone, book: ZoneBook): Wall | null {
  const u = rule.until;
  if (!u) return null;
  const wall = u.kind === 'utc' ? wallAt(isDate ? book.floating : zone, wallMs(u.wall)) : u.wall;
  if (isDate) return { ...wall, hour: 0, minute: 0, second: 0 };
  return u.kind === 'date' ? { ...wall, hour: 23, minute: 59, second: 59 } : wall;
}

/**
 * When the file holds more meetings than are read at once, the instant before which they are left out, said.
 * What each series really yields is counted (expanded as it will be read, in a trial that says nothing) only
 * when a cheap estimate says the limit may be reached; a file too large even to count is cut by the estimate.
 */
function chooseHorizon(plans: Plan[], ctx: Context): number | null {
  const max = ctx.options.maxInstances ?? MAX_INSTANCES;
  const { until } = ctx.options;
  if (estimateTotal(plans, until, ctx.maxPerSeries, max) <= max) return null;
  // A file far over the limit is not worth counting instance by instance: past a few times the limit, the trial
  // stops and the estimate decides.
  const trial = newContext({ ...ctx.options, maxSteps: Math.min(ctx.budget.steps, 3 * max) }, emptyReading());
  const starts: number[] = [];
  for (const plan of plans) {
    const found = trial.budget.steps > 0 ? collect(plan, null, trial) : null;
    for (const i of found?.kept ?? []) if (!cancelled(i, plan)) starts.push(i.start);
  }
  const reading = ctx.reading;
  if (trial.budget.steps <= 0) {
    reading.leftOutBefore = estimatedHorizon(plans, until, ctx.maxPerSeries, max);
    reading.leftOut.push({ held: null, limit: max, count: null, before: reading.leftOutBefore });
    return reading.leftOutBefore;
  }
  const cut = newestWithin(Float64Array.from(starts), max);
  if (!cut) return null;
  reading.leftOutBefore = cut.horizon;
  reading.leftOut.push({ held: starts.length, limit: max, count: cut.leftOut, before: cut.horizon });
  return cut.horizon;
}

interface Instance {
  start: number;
  /** The instance's original start: its key in the series and the end of its Calendar id. */
  id: string;
  line: number;
  vevent: Component;
  title: string;
  people: EventPeople;
  end: number;
}

const cancelled = (instance: Instance, plan: Plan) =>
  instance.vevent === plan.entry.vevent ? plan.masterCancelled : isCancelled(instance.vevent);

/** The instances of a series from `horizon` (when given) up to `until`, the newest `maxPerSeries` at most. */
function collect(plan: Plan, horizon: number | null, ctx: Context): { kept: Instance[] } | null {
  const { entry, zone, isDate } = plan;
  const until = ctx.options.until;
  const floating = entry.book.floating;
  // Instances are keyed as Calendar keys them: the start in UTC, or the date for all-day events.
  const keyOf = (instant: number, wall: Wall) => (isDate ? dateKey(wall) : utcStamp(instant));
  const instantOfWall = (wall: Wall) => (isDate ? toInstant(floating, wall) : toInstant(zone, wall));
  const endOf = (startMs: number, startWall: Wall, ms?: number) => {
    if (ms !== undefined) return startMs + ms;
    if ('ms' in plan.length) return startMs + plan.length.ms;
    return toInstant(floating, { ...startWall, day: startWall.day + plan.length.days });
  };
  const instances = new Map<string, Instance>();
  // A lone moved instance keeps the id of the instance it moved: its RECURRENCE-ID.
  const loneId = plan.lone && entry.recurrence ? recurrenceKey(entry.recurrence, plan, new Map(), ctx) : null;
  if (plan.lone && !loneId) {
    skip(ctx, entry, 'the instance it moves (RECURRENCE-ID) is not a date');
    return null;
  }
  const add = (startMs: number, wall: Wall, ms?: number) => {
    const id = loneId ?? keyOf(startMs, wall);
    if (plan.exdates.has(isDate ? id : String(startMs))) return;
    if (!isDate && plan.exdays.size > 0 && plan.exdays.has(dateKey(wallAt(zone, startMs)))) return;
    instances.set(id, {
      start: startMs,
      id,
      line: entry.vevent.line,
      vevent: entry.vevent,
      title: entry.title,
      people: plan.people,
      end: endOf(startMs, wall, ms),
    });
  };

  const windowTo = wallAt(isDate ? floating : zone, until);
  const windowFrom = horizon !== null ? wallAt(isDate ? floating : zone, horizon) : null;
  add(plan.startMs, plan.start);
  let truncated = false;
  let exhausted = false;
  for (const { rule, until: ruleUntil } of plan.rules) {
    const found = expandRule(
      rule,
      plan.start,
      isDate,
      ruleUntil,
      { from: windowFrom, to: windowTo },
      ctx.maxPerSeries,
      ctx.budget,
    );
    truncated ||= found.truncated;
    exhausted ||= found.exhausted;
    if (found.exhausted && ctx.budget.steps > 0 && ctx.reading.notes.length < NOTES_KEPT)
      ctx.reading.notes.push(
        `“${entry.title.slice(0, 80)}” (line ${entry.vevent.line}): its repeat rule matches so rarely that Bridges stopped looking for more of its meetings.`,
      );
    for (const wall of found.walls) add(instantOfWall(wall), wall);
  }
  for (const r of plan.rdates) add(r.start, r.wall, r.ms);

  // Where the series is known in full from: older instances may have been left out above.
  let coveredFrom = horizon ?? Number.NEGATIVE_INFINITY;
  if (truncated) {
    let earliest = until;
    for (const i of instances.values()) earliest = Math.min(earliest, i.start);
    coveredFrom = Math.max(coveredFrom, earliest);
  }
  const ranged = plan.exceptions.filter(isThisAndFuture);
  if (ranged.length > 0) applyThisAndFuture(ranged, plan, instances, ctx);
  for (const exception of plan.exceptions) applyException(exception, plan, instances, coveredFrom, ctx);

  let kept = [...instances.values()].filter((i) => i.start <= until && (horizon === null || i.start >= horizon));
  if (kept.length > ctx.maxPerSeries) {
    kept.sort((a, b) => a.start - b.start);
    kept = kept.slice(-ctx.maxPerSeries);
    truncated = true;
  }
  if (truncated && !exhausted && horizon === null && kept.length > 0) {
    ctx.reading.cappedSeries.push({
      series: entry.base,
      title: entry.title,
      line: entry.vevent.line,
      kept: kept.length,
      keptFrom: kept.reduce((min, k) => Math.min(min, k.start), Number.POSITIVE_INFINITY),
    });
  }
  return { kept };
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

const isCancelled = (vevent: Component) =>
  (firstProp(vevent, 'STATUS')?.value ?? '').trim().toUpperCase() === 'CANCELLED';
/** Outlook marks all-day events it writes as midnight-to-midnight times. */
const isAllDayOutlook = (vevent: Component) =>
  (firstProp(vevent, 'X-MICROSOFT-CDO-ALLDAYEVENT')?.value ?? '').trim().toUpperCase() === 'TRUE';
const isThisAndFuture = (exception: Entry) =>
  (exception.recurrence?.params.RANGE ?? '').trim().toUpperCase() === 'THISANDFUTURE';

/** Where a moved instance moved to: its start, end, title and people, or null when it cannot be read. */
function movedTo(exception: Entry, ctx: Context): Omit<Instance, 'id'> | null {
  const moved = planSeries(exception, [], ctx, true);
  if (!moved) return null;
  const end =
    'ms' in moved.length
      ? moved.startMs + moved.length.ms
      : toInstant(exception.book.floating, { ...moved.start, day: moved.start.day + moved.length.days });
  return {
    start: moved.startMs,
    line: exception.vevent.line,
    vevent: exception.vevent,
    title: exception.title,
    people: moved.people,
    end,
  };
}

/**
 * RANGE=THISANDFUTURE: an edit of one instance that holds for every later one too. Each later instance moves by
 * as much as the edited one moved, and takes its length, title and people; of several such edits, the latest
 * before an instance holds. (The edited instance itself is moved as any other moved instance.)
 */
function applyThisAndFuture(ranged: Entry[], plan: Plan, instances: Map<string, Instance>, ctx: Context) {
  const edits: Array<{ from: number; shift: number; moved: Omit<Instance, 'id'> }> = [];
  for (const exception of ranged) {
    const value = exception.recurrence ? readTimeProp(exception.recurrence) : null;
    if (!value || isCancelled(exception.vevent)) continue;
    const from = plan.isDate ? toInstant(plan.entry.book.floating, value.wall) : resolve(value, exception, ctx).instant;
    const moved = movedTo(exception, ctx);
    if (moved) edits.push({ from, shift: moved.start - from, moved });
  }
  edits.sort((a, b) => a.from - b.from);
  for (const instance of instances.values()) {
    let edit: (typeof edits)[number] | undefined;
    for (const e of edits) if (e.from < instance.start) edit = e;
    if (!edit) continue;
    const start = instance.start + edit.shift;
    instances.set(instance.id, {
      ...edit.moved,
      id: instance.id,
      start,
      end: start + (edit.moved.end - edit.moved.start),
    });
  }
}

/**
 * A moved (or cancelled) instance replaces the instance its RECURRENCE-ID names, or is one of its own. One
 * that names an instance the series no longer has (its series was edited since, with a higher SEQUENCE, to
 * exclude or end before it) is gone with it.
 */
function applyException(
  exception: Entry,
  plan: Plan,
  instances: Map<string, Instance>,
  coveredFrom: number,
  ctx: Context,
) {
  const recurrence = exception.recurrence;
  if (!recurrence) return;
  const value = readTimeProp(recurrence);
  if (!value) {
    skip(ctx, exception, `the instance it moves (RECURRENCE-ID:${recurrence.value.slice(0, 40)}) is not a date`);
    return;
  }
  const id = recurrenceKey(recurrence, plan, instances, ctx, exception);
  if (!id) return;
  const original = instances.get(id);
  if (isCancelled(exception.vevent)) {
    // Kept as cancelled, to be counted; a cancelled instance needs no start of its own.
    if (original) instances.set(id, { ...original, vevent: exception.vevent, line: exception.vevent.line });
    return;
  }
  if (!original && exception.sequence < plan.entry.sequence) {
    const at = plan.isDate ? toInstant(plan.entry.book.floating, value.wall) : resolve(value, exception, ctx).instant;
    if (at >= coveredFrom && at <= ctx.options.until) return;
  }
  const moved = movedTo(exception, ctx);
  if (!moved) {
    instances.delete(id); // where it moved to cannot be read: the original time is not a fact either
    return;
  }
  instances.set(id, { ...moved, id });
}

/**
 * The id of the instance a RECURRENCE-ID names: its start in UTC, or its date in an all-day series (Outlook
 * writes an all-day series' moved instance as RECURRENCE-ID;TZID=…:20260226T000000: its date is the day). A
 * date against a timed series names that day's instance.
 */
function recurrenceKey(
  prop: Property,
  plan: Plan,
  instances: Map<string, Instance>,
  ctx: Context,
  entry: Entry = plan.entry,
): string | null {
  const value = readTimeProp(prop);
  if (!value) return null;
  const floating = plan.entry.book.floating;
  if (plan.isDate) return value.kind === 'utc' ? dateKey(wallAt(floating, wallMs(value.wall))) : dateKey(value.wall);
  if (value.kind === 'date') {
    const day = dateKey(value.wall);
    for (const i of instances.values()) if (dateKey(wallAt(plan.zone, i.start)) === day) return i.id;
    return day;
  }
  return utcStamp(resolve(value, entry, ctx).instant);
}
