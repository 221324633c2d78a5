import type { IcsReading } from './read';

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
