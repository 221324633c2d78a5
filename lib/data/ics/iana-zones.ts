/** IANA zones, through the browser's own time zone data (Intl). */
import { UTC, type Zone } from './zone';

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
