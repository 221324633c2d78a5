import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type IcsEvent, type ReadIcsOptions, readIcs } from '../../lib/data/ics';

/** "Now" in the calendar-file tests: the import reads nothing after it. */
export const ICS_NOW = Date.parse('2026-11-25T12:00:00Z');

export function icsFixture(name: string): string {
  return readFileSync(join(process.cwd(), 'tests/fixtures/ics', name), 'utf8');
}

/**
 * Reads a fixture as the import does at ICS_NOW. The computer's zone is given explicitly (UTC unless a test
 * says otherwise), so that a result never depends on the zone the tests run in.
 */
export function readFixture(name: string, options: Partial<ReadIcsOptions> = {}) {
  return readIcs(icsFixture(name), { until: ICS_NOW, timeZone: 'UTC', ...options });
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** [event id, start in UTC, title] of the events whose id starts with `prefix`. */
export function instancesOf(events: readonly IcsEvent[], prefix = ''): Array<[string, string, string]> {
  return events.filter((e) => e.eventId.startsWith(prefix)).map((e) => [e.eventId, iso(e.start), e.title]);
}

export function byId(events: readonly IcsEvent[], id: string): IcsEvent {
  const event = events.find((e) => e.eventId === id);
  if (!event) throw new Error(`no event ${id} among ${events.map((e) => e.eventId).join(', ')}`);
  return event;
}

/** Builds a calendar file from VEVENT bodies (lines without BEGIN/END). */
export function calendar(...events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Bridges//Generated in a test//EN',
    ...events.flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');
}
