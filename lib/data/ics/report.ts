import { format } from 'date-fns';
import type { IcsSummary } from './import';
import { holdsMore } from './limits';
import type { IcsReading } from './read';
import { emptyReading } from './reading';

/** What the user is told after importing a calendar file, in plain sentences. */
export interface ImportReport {
  headline: string;
  details: string[];
  /** The events that could not be read, the first few named. */
  skipped: { heading: string; items: string[]; more: number } | null;
}

const NAMED = 5;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const day = (ms: number) => format(ms, 'd MMMM yyyy');
const quoted = (title: string) => `“${title.length > 80 ? `${title.slice(0, 79)}…` : title}”`;

export function importReport(reading: IcsReading, summary: IcsSummary): ImportReport {
  const booked = summary.booked > 0 ? ` ${plural(summary.booked, 'meeting')} ahead noted as booked.` : '';
  const headline = `${plural(summary.meetings, 'meeting')} logged, ${plural(summary.peopleAdded, 'person', 'people')} added.${booked}`;
  const details: string[] = [];
  const left = [
    summary.alreadyLogged && `${summary.alreadyLogged.toLocaleString('en')} already logged`,
    summary.declined && `${summary.declined.toLocaleString('en')} declined`,
    summary.noOne && `${summary.noOne.toLocaleString('en')} with no one else`,
    summary.overLimit && `${summary.overLimit.toLocaleString('en')} over your guest limit`,
    summary.notStarted && `${summary.notStarted.toLocaleString('en')} not started yet`,
    summary.invalid && `${summary.invalid.toLocaleString('en')} Bridges cannot store (before 1900, or too large)`,
    reading.cancelled && `${reading.cancelled.toLocaleString('en')} cancelled`,
  ].filter(Boolean);
  if (left.length > 0) details.push(`Left out: ${left.join(', ')}.`);
  if (summary.groupsNotCounted > 0)
    details.push(
      `${plural(summary.groupsNotCounted, 'group')} not counted: a group is not a person, and the file does not list its members.`,
    );
  for (const series of reading.cappedSeries.slice(0, NAMED))
    details.push(
      `${quoted(series.title)} repeats more often than Bridges reads: its ${series.kept.toLocaleString('en')} newest meetings, from ${day(series.keptFrom)}, were read.`,
    );
  if (reading.cappedSeries.length > NAMED)
    details.push(`${plural(reading.cappedSeries.length - NAMED, 'other series', 'other series')} too.`);
  for (const cut of reading.leftOut)
    details.push(
      cut.count === null
        ? `${holdsMore(cut.held, cut.limit)}: those before ${day(cut.before)} were left out.`
        : `${holdsMore(cut.held, cut.limit)}: the oldest ${cut.count.toLocaleString('en')}, before ${day(cut.before)}, ${cut.count === 1 ? 'was' : 'were'} left out.`,
    );
  if (reading.leftOutBefore !== null && reading.leftOut.length === 0)
    details.push(
      `This file holds more meetings than Bridges reads at once: those before ${day(reading.leftOutBefore)} were left out.`,
    );
  for (const { zone, events } of reading.unknownZones)
    details.push(
      `${plural(events, 'event')} in an unknown time zone “${zone}” ${events === 1 ? 'was' : 'were'} read in your own time zone.`,
    );
  for (const part of reading.readInPart.slice(0, NAMED))
    details.push(`${quoted(part.title)} (line ${part.line}): ${part.reason}.`);
  const partMore = reading.readInPartCount - Math.min(NAMED, reading.readInPart.length);
  if (partMore > 0)
    details.push(
      `${plural(partMore, 'other detail')} of events could not be read and ${partMore === 1 ? 'was' : 'were'} left out or assumed likewise.`,
    );
  for (const note of reading.notes) details.push(note);
  if (reading.unreadableLines > 0)
    details.push(
      `${plural(reading.unreadableLines, 'line')} that could not be read ${reading.unreadableLines === 1 ? 'was' : 'were'} left out.`,
    );
  const skipped =
    reading.skippedCount > 0
      ? {
          heading: `${plural(reading.skippedCount, 'event')} could not be read and ${reading.skippedCount === 1 ? 'was' : 'were'} skipped:`,
          items: reading.skipped.slice(0, NAMED).map((s) => `${quoted(s.title)} (line ${s.line}): ${s.reason}.`),
          more: reading.skippedCount - Math.min(NAMED, reading.skipped.length),
        }
      : null;
  return { headline, details, skipped };
}

/** Several calendars read for one import, as one reading: their events, skips, notes and counts together. */
export function mergeReadings(readings: readonly IcsReading[]): IcsReading {
  const merged = emptyReading();
  for (const r of readings) {
    for (const e of r.events) merged.events.push(e);
    merged.skipped.push(...r.skipped);
    merged.skippedCount += r.skippedCount;
    merged.cappedSeries.push(...r.cappedSeries);
    if (r.leftOutBefore !== null) merged.leftOutBefore = Math.max(merged.leftOutBefore ?? 0, r.leftOutBefore);
    merged.leftOut.push(...r.leftOut);
    merged.readInPart.push(...r.readInPart);
    merged.readInPartCount += r.readInPartCount;
    for (const z of r.unknownZones) {
      const same = merged.unknownZones.find((m) => m.zone === z.zone);
      if (same) same.events += z.events;
      else merged.unknownZones.push({ ...z });
    }
    merged.cancelled += r.cancelled;
    merged.notes.push(...r.notes);
    merged.unreadableLines += r.unreadableLines;
  }
  return merged;
}
