/** A Google-Calendar-shaped secret feed (.ics), built from a few meetings, for the feed's tests. */
export interface FeedMeeting {
  uid: string;
  start: number;
  minutes?: number;
  title?: string;
  /** [email, PARTSTAT] of each attendee; me@corp.example is the owner. */
  attendees?: Array<[string, string]>;
  status?: 'CONFIRMED' | 'CANCELLED';
  rrule?: string;
  recurrenceId?: number;
  sequence?: number;
}

export const FEED_URL =
  'https://calendar.google.com/calendar/ical/me%40corp.example/private-0123456789abcdef0123456789abcdef/basic.ics';
export const ME = 'me@corp.example';

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');

export function feedIcs(meetings: FeedMeeting[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:me@corp.example',
    'X-WR-TIMEZONE:UTC',
  ];
  for (const m of meetings) {
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART:${stamp(m.start)}`,
      `DTEND:${stamp(m.start + (m.minutes ?? 30) * 60_000)}`,
      `DTSTAMP:20261123T000000Z`,
      `UID:${m.uid}@google.com`,
      ...(m.rrule ? [`RRULE:${m.rrule}`] : []),
      ...(m.recurrenceId !== undefined ? [`RECURRENCE-ID:${stamp(m.recurrenceId)}`] : []),
      `SEQUENCE:${m.sequence ?? 0}`,
      `STATUS:${m.status ?? 'CONFIRMED'}`,
      `SUMMARY:${m.title ?? m.uid}`,
      `ORGANIZER;CN=Me:mailto:${ME}`,
      ...(m.attendees ?? [[ME, 'ACCEPTED']]).map(
        ([email, partstat]) =>
          `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${partstat};CN=${email}:mailto:${email}`,
      ),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** A fetch that answers from `respond`, and remembers the requests. */
export function fakeFetch(respond: (url: string, headers: Record<string, string>) => Response | Promise<Response>) {
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers = { ...((init?.headers as Record<string, string>) ?? {}) };
    requests.push({ url, headers });
    return respond(url, headers);
  }) as typeof fetch;
  return { fetch: impl, requests };
}
