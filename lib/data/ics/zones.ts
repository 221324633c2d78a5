import ICAL from 'ical.js';
import { allProps, type Component, firstProp } from './content-lines';
import { readRule } from './rules';
import { readTime } from './values';
import { type Wall, wallMs, wallOf } from './wall';
import { windowsZoneToIana } from './windows-zones';

/**
 * Time zones for one file. A zone turns a wall time into an instant (a time in a daylight-saving gap is read
 * with the offset before the gap, an ambiguous one as its first occurrence, as RFC 5545 3.3.5 says), and an
 * instant back into a wall time.
 *
 * A TZID is read, in this order, as: an IANA name (also at the end of a path, "/mozilla.org/…/Europe/Berlin");
 * a Windows zone name ("W. Europe Standard Time", through CLDR's windowsZones table) or Outlook's display name
 * ("(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi"); the file's own VTIMEZONE of that name. IANA data
 * comes first because it knows each zone's history, where a VTIMEZONE often carries only today's rules.
 * Nothing is registered in ical.js's global TimezoneService: what one file defines is gone with it.
 */
export interface Zone {
  readonly id: string;
  /** The zone's offset from UTC at instant `t`, in milliseconds. */
  offsetAt(t: number): number;
}

export function toInstant(zone: Zone, w: Wall): number {
  const local = wallMs(w);
  // The instant is local minus an offset of at most ±18 hours: the offsets in force 18 hours either side of
  // it are the only candidates.
  const before = zone.offsetAt(local - 18 * 3_600_000);
  const after = zone.offsetAt(local + 18 * 3_600_000);
  if (before === after) return local - before;
  const early = local - Math.max(before, after);
  const late = local - Math.min(before, after);
  const earlyValid = zone.offsetAt(early) === Math.max(before, after);
  const lateValid = zone.offsetAt(late) === Math.min(before, after);
  if (earlyValid) return early; // both valid: the first of two (the clocks went back)
  if (lateValid) return late;
  return local - before; // in the gap (the clocks went forward): the offset before it
}

export function wallAt(zone: Zone, t: number): Wall {
  return wallOf(t + zone.offsetAt(t));
}

export const UTC: Zone = { id: 'UTC', offsetAt: () => 0 };

// ---------------------------------------------------------------------------------------------------------
// IANA zones, through the browser's own time zone data (Intl).

const formats = new Map<string, Intl.DateTimeFormat | null>();

function format(zone: string): Intl.DateTimeFormat | null {
  let f = formats.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset', year: 'numeric' });
    } catch {
      f = null;
    }
    formats.set(zone, f);
  }
  return f;
}

/** The canonical IANA name Intl knows `name` by, or null. ("US/Eastern" → "America/New_York".) */
export function ianaName(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,60}$/.test(name)) return null;
  return format(name)?.resolvedOptions().timeZone ?? null;
}

const OFFSET = /GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?/;

function intlOffset(f: Intl.DateTimeFormat, t: number): number {
  const m = OFFSET.exec(f.format(t));
  if (!m?.[1]) return 0;
  const ms = ((Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

const WEEK = 7 * 86_400_000;

/** An IANA zone. Each year's transitions are found once (weekly samples, then bisection to the second). */
class IanaZone implements Zone {
  private readonly years = new Map<number, { start: number; changes: Array<[at: number, offset: number]> }>();
  constructor(
    readonly id: string,
    private readonly f: Intl.DateTimeFormat,
  ) {}

  offsetAt(t: number): number {
    if (!Number.isFinite(t)) return 0;
    const year = new Date(t).getUTCFullYear();
    let data = this.years.get(year);
    if (!data) {
      data = this.scan(year);
      this.years.set(year, data);
    }
    let offset = data.start;
    for (const [at, o] of data.changes) {
      if (at > t) break;
      offset = o;
    }
    return offset;
  }

  private scan(year: number) {
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    const start = intlOffset(this.f, from);
    const changes: Array<[number, number]> = [];
    let prev = start;
    let prevAt = from;
    for (let at = Math.min(from + WEEK, to); ; at = Math.min(at + WEEK, to)) {
      const o = intlOffset(this.f, at);
      if (o !== prev) {
        let lo = prevAt;
        let hi = at;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (intlOffset(this.f, mid) === prev) lo = mid;
          else hi = mid;
        }
        changes.push([hi, o]);
        prev = o;
      }
      prevAt = at;
      if (at >= to) break;
    }
    return { start, changes };
  }
}

const ianaZones = new Map<string, IanaZone>();

/** The IANA zone `name` (any spelling Intl accepts), or null. Shared between files: it is the browser's data. */
export function ianaZone(name: string): Zone | null {
  const canonical = ianaName(name);
  if (!canonical) return null;
  if (canonical === 'UTC') return UTC;
  let zone = ianaZones.get(canonical);
  if (!zone) {
    const f = format(canonical);
    if (!f) return null;
    zone = new IanaZone(canonical, f);
    ianaZones.set(canonical, zone);
  }
  return zone;
}

// ---------------------------------------------------------------------------------------------------------
// A VTIMEZONE from the file.

interface Observance {
  from: number;
  to: number;
  start: Wall;
  /** Where its yearly rule is followed from: Microsoft's DTSTART:16010101 ("always") read from 1968. */
  ruleStart: Wall;
  rule: ReturnType<typeof readRule> | null;
  rdates: Array<{ wall: Wall; utc: boolean }>;
}

const TZ_OFFSET = /^([+-])(\d{2})(\d{2})(\d{2})?$/;

function readOffset(raw: string | undefined): number | null {
  const m = TZ_OFFSET.exec((raw ?? '').trim());
  if (!m) return null;
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  return ms > 18 * 3_600_000 ? null : m[1] === '-' ? -ms : ms;
}

/**
 * A VTIMEZONE's observances as transitions. Before its first transition, a zone whose observances recur yearly
 * keeps those rules (a VTIMEZONE written with rules from 2007 still puts a July 2005 date in summer time);
 * one without rules keeps the offset its first observance changed from (TZOFFSETFROM), as RFC 5545 says.
 */
class VtimezoneZone implements Zone {
  private transitions: Array<[at: number, offset: number]> = [];
  private coveredTo = -1;
  private readonly projected = new Map<number, Array<[number, number]>>();
  constructor(
    readonly id: string,
    private readonly observances: Observance[],
  ) {}

  offsetAt(t: number): number {
    if (!Number.isFinite(t)) return 0;
    const year = new Date(t).getUTCFullYear();
    this.cover(year + 1);
    const first = this.transitions[0];
    if (!first) return this.observances[0]?.to ?? 0;
    if (t < first[0]) return this.before(t, year);
    let lo = 0;
    let hi = this.transitions.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.transitions[mid] as [number, number])[0] <= t) lo = mid;
      else hi = mid - 1;
    }
    return (this.transitions[lo] as [number, number])[1];
  }

  private cover(year: number) {
    if (year <= this.coveredTo) return;
    this.coveredTo = Math.max(year, 2040);
    this.transitions = this.observances.flatMap((o) => onsets(o, o.ruleStart, this.coveredTo));
    this.transitions.sort((a, b) => a[0] - b[0]);
  }

  private before(t: number, year: number): number {
    const recurring = this.observances.filter((o) => o.rule && !('problem' in o.rule));
    const earliest = this.observances.reduce<Observance | null>(
      (e, o) => (!e || wallMs(o.start) < wallMs(e.start) ? o : e),
      null,
    );
    if (recurring.length === 0) return earliest?.from ?? 0;
    let list = this.projected.get(year);
    if (!list) {
      list = recurring
        .flatMap((o) => onsets(o, { ...o.start, year: Math.min(o.start.year, year - 1) }, year + 1, true))
        .sort((a, b) => a[0] - b[0]);
      this.projected.set(year, list);
    }
    let offset: number | null = null;
    for (const [at, o] of list) {
      if (at > t) break;
      offset = o;
    }
    return offset ?? list[0]?.[1] ?? earliest?.from ?? 0;
  }
}

/** The transitions of one observance up to `toYear`: its start, its RDATEs and its yearly rule. */
function onsets(o: Observance, start: Wall, toYear: number, ruleOnly = false): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!ruleOnly) {
    out.push([wallMs(o.start) - o.from, o.to]);
    for (const r of o.rdates) out.push([wallMs(r.wall) - (r.utc ? 0 : o.from), o.to]);
  }
  const rule = o.rule && !('problem' in o.rule) ? o.rule : null;
  if (!rule) return out;
  try {
    const recur = ICAL.Recur.fromData({
      freq: 'YEARLY',
      interval: rule.interval,
      ...(rule.count !== null && !ruleOnly ? { count: rule.count } : {}),
      ...Object.fromEntries(Object.entries(rule.parts).map(([k, v]) => [k.toLowerCase(), v])),
    } as Parameters<typeof ICAL.Recur.fromData>[0]);
    // The rule's end as a local wall time before the onset (a UTC UNTIL is moved by the offset it ends in).
    const untilMs = rule.until && !ruleOnly ? wallMs(rule.until.wall) + (rule.until.kind === 'utc' ? o.from : 0) : null;
    const iterator = recur.iterator(ICAL.Time.fromData({ ...start, isDate: false }));
    for (let n = 0, next = iterator.next(); next && n < 500; n++, next = iterator.next()) {
      if (next.year > toYear) break;
      const wall = {
        year: next.year,
        month: next.month,
        day: next.day,
        hour: next.hour,
        minute: next.minute,
        second: next.second,
      };
      if (untilMs !== null && wallMs(wall) > untilMs) break;
      out.push([wallMs(wall) - o.from, o.to]);
    }
  } catch {
    // A rule ical.js refuses leaves the observance its start and RDATEs.
  }
  return out;
}

function readVtimezone(component: Component): VtimezoneZone | null {
  const tzid = firstProp(component, 'TZID')?.value.trim();
  if (!tzid) return null;
  const observances: Observance[] = [];
  for (const child of component.children) {
    if (child.name !== 'STANDARD' && child.name !== 'DAYLIGHT') continue;
    const from = readOffset(firstProp(child, 'TZOFFSETFROM')?.value);
    const to = readOffset(firstProp(child, 'TZOFFSETTO')?.value);
    const dtstart = readTime(firstProp(child, 'DTSTART')?.value ?? '', null);
    if (from === null || to === null || !dtstart) continue;
    // Microsoft writes DTSTART:16010101T… (or 0001…) for "always": its rule from 1968 on says the same.
    const start = dtstart.wall;
    const ruleStart = start.year < 1968 ? { ...start, year: 1968 } : start;
    const ruleProp = firstProp(child, 'RRULE');
    let rule = ruleProp ? readRule(ruleProp.value) : null;
    // Only yearly rules make sense here; anything else (FREQ=SECONDLY from 1601…) would be endless work.
    if (rule && !('problem' in rule) && rule.freq !== 'YEARLY') rule = null;
    const rdates = allProps(child, 'RDATE').flatMap((p) =>
      p.value.split(',').flatMap((v) => {
        const time = readTime(v, null);
        return time ? [{ wall: time.wall, utc: time.kind === 'utc' }] : [];
      }),
    );
    observances.push({ from, to, start, ruleStart, rule, rdates });
  }
  return observances.length > 0 ? new VtimezoneZone(tzid, observances) : null;
}

// ---------------------------------------------------------------------------------------------------------

/** The zones of one file: what its TZIDs mean, resolved once each. */
export class ZoneBook {
  private readonly defined = new Map<string, Component>();
  private readonly resolved = new Map<string, Zone | null>();
  /** Floating times and all-day dates: the calendar's own zone (X-WR-TIMEZONE), else the reader's. */
  readonly floating: Zone;

  constructor(vtimezones: readonly Component[], calendarZone: string | null, readerZone: string) {
    for (const c of vtimezones) {
      const tzid = firstProp(c, 'TZID')?.value.trim();
      if (tzid && !this.defined.has(tzid)) this.defined.set(tzid, c);
    }
    this.floating = (calendarZone && this.get(calendarZone)) || ianaZone(readerZone) || UTC;
  }

  /** The zone a TZID names, or null when neither the browser nor the file knows it. */
  get(tzid: string): Zone | null {
    let zone = this.resolved.get(tzid);
    if (zone === undefined) {
      zone = this.lookUp(tzid);
      this.resolved.set(tzid, zone);
    }
    return zone;
  }

  private lookUp(tzid: string): Zone | null {
    const name = tzid.trim();
    const parts = name.split('/').filter(Boolean);
    for (let i = Math.max(0, parts.length - 3); i < parts.length; i++) {
      const zone = ianaZone(parts.slice(i).join('/'));
      if (zone) return zone;
    }
    const windows = windowsZoneToIana(name);
    if (windows) return ianaZone(windows);
    const component =
      this.defined.get(name) ?? [...this.defined].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    return component ? readVtimezone(component) : null;
  }
}
