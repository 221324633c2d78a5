/**
 * How much of a calendar Bridges reads, and what the user is told past it: one set of limits and words for a
 * file import and the feed alike. (Apart from the reader, so that pages can say them without bundling it.)
 */

/** The newest instances read of one series, by default. */
export const DEFAULT_MAX_PER_SERIES = 2000;
/** The most meetings read from one calendar, by an import or the feed alike. */
export const MAX_INSTANCES = 100_000;
/**
 * The largest calendar read, from a file or the feed alike: what Google's export may unpack to (a decade of a busy
 * calendar is a few tens of MB; 50,000 events of the benchmark weigh 44 MB).
 */
export const MAX_CALENDAR_BYTES = 200 * 1024 * 1024;

/** What the user is told of a calendar larger than is read, by an import or the feed alike. */
export const tooLarge = (maxBytes = MAX_CALENDAR_BYTES) =>
  `This calendar is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, more than Bridges reads at once.`;

/** What the user is told of a calendar of more meetings than are read, by an import or the feed alike. */
export const holdsMore = (held: number | null, limit: number) =>
  held === null
    ? `This calendar holds more than the ${limit.toLocaleString('en')} meetings Bridges reads at once`
    : `This calendar holds ${held.toLocaleString('en')} meetings, more than the ${limit.toLocaleString('en')} Bridges reads at once`;
