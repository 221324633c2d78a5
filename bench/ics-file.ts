/**
 * A calendar file of `count` events in the shape of a Google Calendar export (about 450 bytes an event, as a
 * real export of 44,000 events weighs 20 MB): a tenth of the events are weekly series of five, every fourth
 * series with one moved instance; every event in New York time, with an organiser, three guests and a
 * folded description.
 */
export function makeIcs(count: number, now: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:me@corp.example',
    'X-WR-TIMEZONE:America/New_York',
    'BEGIN:VTIMEZONE',
    'TZID:America/New_York',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:-0500',
    'TZOFFSETTO:-0400',
    'TZNAME:EDT',
    'DTSTART:19700308T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:-0400',
    'TZOFFSETTO:-0500',
    'TZNAME:EST',
    'DTSTART:19701101T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  const local = (ms: number) => new Date(ms - 5 * 3_600_000).toISOString().replace(/[-:]|\.\d{3}Z/g, '');
  const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
  for (let i = 0; i < count; i++) {
    const series = i % 10 === 0;
    // Series start five weeks further back, so that all their instances have happened.
    const start = now - (i + 1) * 2 * 3_600_000 - (series ? 35 * 86_400_000 : 0);
    const uid = `bench${i.toString(36).padStart(6, '0')}k2v8q1`;
    const a = i % 700;
    const b = (i * 7) % 700;
    const event = (extra: string[], at: number, title: string) => [
      'BEGIN:VEVENT',
      `DTSTART;TZID=America/New_York:${local(at)}`,
      `DTEND;TZID=America/New_York:${local(at + 1_800_000)}`,
      ...extra,
      'DTSTAMP:20261128T200000Z',
      `ORGANIZER;CN=Person ${a}:mailto:p${a}@org${a % 40}.example`,
      `UID:${uid}@google.com`,
      `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Person ${a};X-NUM-GUESTS=0:mailto:p${a}@org${a % 40}.example`,
      `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Person ${b};X-NUM-GUESTS=0:mailto:p${b}@org${b % 40}.example`,
      'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;X-NUM-GUESTS=0:mailto:me@corp.example',
      `CREATED:${utc(at - 86_400_000 * 7)}`,
      'DESCRIPTION:Agenda: review the numbers\\, agree on next steps and owners. Join with',
      ' the meeting link in the invitation\\; dial-in numbers are listed there too.',
      `LAST-MODIFIED:${utc(at - 86_400_000)}`,
      'SEQUENCE:0',
      'STATUS:CONFIRMED',
      `SUMMARY:${title}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    ];
    lines.push(...event(series ? ['RRULE:FREQ=WEEKLY;COUNT=5'] : [], start, `Meeting ${i}`));
    if (series && i % 40 === 0) {
      const original = start + 2 * 7 * 86_400_000;
      lines.push(
        ...event(
          [`RECURRENCE-ID;TZID=America/New_York:${local(original)}`],
          original + 3_600_000,
          `Meeting ${i} (moved)`,
        ),
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}
