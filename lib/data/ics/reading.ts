import type { CalendarEvent } from '../../calendar/google/card';

/** What the calendar-file reader (read.ts) gives: its types apart from it, like the empty reading below. */
/** An event as a Calendar card would give it, with what the file says beyond that. */
export interface IcsEvent extends CalendarEvent {
  /** Groups among the guests (CUTYPE=GROUP): not people, so not logged, but counted. */
  groups: string[];
  /** The line in the file where the event (or its moved instance) begins. */
  line: number;
}

/** A file's meetings beyond the limit of what is read at once: the oldest, left out. */
export interface IcsLeftOut {
  /** The meetings the file holds (each series counted up to its own cap); null when too many to count. */
  held: number | null;
  limit: number;
  /** The meetings left out: all those that start before `before`; null when too many to count. */
  count: number | null;
  before: number;
}

/** An event that could not be read, named for the user. */
export interface IcsSkip {
  title: string;
  line: number;
  reason: string;
}

/** A series longer than the per-series cap: its oldest instances were left out. */
export interface IcsCappedSeries {
  /** The series' id: its instances' ids begin with it ("<series>_<start>"). */
  series: string;
  title: string;
  line: number;
  kept: number;
  /** The start of the oldest instance kept. */
  keptFrom: number;
}

export interface IcsReading {
  events: IcsEvent[];
  /** The first skipped events, in file order (at most 50 are named). */
  skipped: IcsSkip[];
  skippedCount: number;
  cappedSeries: IcsCappedSeries[];
  /** Set when the file holds more instances than are read at once: those before it were left out. */
  leftOutBefore: number | null;
  /** Each file that held more meetings than are read at once: how many it held, and how many were left out. */
  leftOut: IcsLeftOut[];
  /** Events read with a detail left out or assumed, named (the first 50) with what was done. */
  readInPart: IcsSkip[];
  readInPartCount: number;
  /** Times in a zone that neither the file nor Bridges knows, read in the reader's own zone: events by zone. */
  unknownZones: Array<{ zone: string; events: number }>;
  /** Cancelled events and cancelled instances of series (STATUS:CANCELLED): left out, counted. */
  cancelled: number;
  /** Other things the user should know, in plain words. */
  notes: string[];
  /** Lines that could not be read and were left out (an unreadable line costs that line only). */
  unreadableLines: number;
  /** Why nothing could be read, or null. */
  problem: string | null;
}

/**
 * A reading of nothing yet: no events, nothing skipped, no notes. Apart from the reader, so that the page (which
 * merges readings) does not bundle the reader, which lives in its worker.
 */
export function emptyReading(): IcsReading {
  return {
    events: [],
    skipped: [],
    skippedCount: 0,
    cappedSeries: [],
    leftOutBefore: null,
    leftOut: [],
    readInPart: [],
    readInPartCount: 0,
    unknownZones: [],
    cancelled: 0,
    notes: [],
    unreadableLines: 0,
    problem: null,
  };
}
