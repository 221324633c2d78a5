import type { Component } from './content-lines';
import { DEFAULT_MAX_PER_SERIES } from './limits';
import { PeopleCache } from './people';
import type { IcsReading } from './reading';
import type { Budget } from './recur-steps';
import type { TimeValue } from './values';
import { wallMs } from './wall';
import { toInstant, UTC, type Zone } from './zone';
import type { ZoneBook } from './zones';

export interface ReadIcsOptions {
  /** Instances that start after this instant are not read: the import's "now", or the end of the days ahead. */
  until: number;
  /**
   * When the days ahead are read too (to know who is booked), the import's "now": instances after it are meetings
   * ahead, which do not count against a series' cap of past meetings, so that looking ahead never costs a series
   * its history. Without it, everything up to `until` is the past.
   */
  now?: number;
  /** The zone of floating times and all-day dates when the file names none (the computer's). */
  timeZone?: string;
  /** The newest instances kept of one series up to `now` (and, apart, the earliest as many after it). */
  maxPerSeries?: number;
  /** The instances read from one file in all; beyond it, the oldest are left out. */
  maxInstances?: number;
  /** A larger file is not read (its length in characters, which is its size in bytes or less). */
  maxBytes?: number;
  /** The recurrence steps one file may take in all. */
  maxSteps?: number;
}

/** What one reading of a file carries from step to step: its options, what it has found, what it may still do. */
export interface Context {
  options: ReadIcsOptions;
  reading: IcsReading;
  maxPerSeries: number;
  budget: Budget;
  people: PeopleCache;
  /** The events whose times are in each unknown zone. */
  unknownZones: Map<string, Set<Component>>;
}

const DEFAULT_MAX_STEPS = 2_000_000;
const SKIPS_NAMED = 50;

export function newContext(options: ReadIcsOptions, reading: IcsReading): Context {
  return {
    options,
    reading,
    maxPerSeries: options.maxPerSeries ?? DEFAULT_MAX_PER_SERIES,
    budget: { steps: options.maxSteps ?? DEFAULT_MAX_STEPS },
    people: new PeopleCache(),
    unknownZones: new Map(),
  };
}

/** An event as the user is told of it: its title and where it begins in the file. */
interface Named {
  vevent: Component;
  title: string;
}

/** An event is not read: said, with why. */
export function skip(ctx: Context, entry: Named, reason: string) {
  ctx.reading.skippedCount++;
  if (ctx.reading.skipped.length < SKIPS_NAMED)
    ctx.reading.skipped.push({ title: entry.title, line: entry.vevent.line, reason });
}

/** An event is read, with a detail of it left out or assumed: said, with what was done. */
export function readInPart(ctx: Context, entry: Named, what: string) {
  ctx.reading.readInPartCount++;
  if (ctx.reading.readInPart.length < SKIPS_NAMED)
    ctx.reading.readInPart.push({ title: entry.title, line: entry.vevent.line, reason: what });
}

/**
 * The zone a time value is in, and its instant. A zone that neither the file nor Bridges knows is read as the
 * reader's own (floating) time, and the event is counted under that zone's name, to be said.
 */
export function resolve(
  value: TimeValue,
  entry: { vevent: Component; book: ZoneBook },
  ctx: Context,
): { zone: Zone; instant: number } {
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
