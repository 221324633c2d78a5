import { type Wall, wallMs, wallOf } from './wall';

/**
 * A time zone: it turns a wall time into an instant (a time in a daylight-saving gap is read with the offset
 * before the gap, an ambiguous one as its first occurrence, as RFC 5545 3.3.5 says), and an instant back into a
 * wall time. IANA zones come from the browser's own data (iana-zones.ts), the others from the file (vtimezone.ts).
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
