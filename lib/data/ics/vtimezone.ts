import ICAL from 'ical.js';
import { allProps, type Component, firstProp } from './content-lines';
import { readRule } from './rules';
import { readTime } from './values';
import { type Wall, wallMs } from './wall';
import type { Zone } from './zone';

/**
 * A VTIMEZONE from the file, as a zone: its observances (STANDARD, DAYLIGHT) as transitions, from their starts,
 * RDATEs and yearly rules. Nothing is registered in ical.js's global TimezoneService: what one file defines is
 * gone with it.
 */

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

export function readVtimezone(component: Component): Zone | null {
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
