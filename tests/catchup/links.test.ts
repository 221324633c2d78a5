import { describe, expect, it } from 'vitest';
import {
  calendarLink,
  catchUpTitle,
  googleLink,
  invitationFor,
  outlookLink,
  proposedStart,
} from '../../lib/catchup/links';
import { emailLink } from '../../lib/catchup/mailto';
import { CALENDAR_SERVICES, type CatchUpSettings, DEFAULT_CATCH_UP } from '../../lib/catchup/settings';
import { assess } from '../../lib/relationships/rank';
import { DAY, person } from '../helpers/people';

// Times are built in the test process's own zone, as the pages build them in the browser's.
const WEDNESDAY_3PM = new Date(2026, 10, 25, 15, 0).getTime();

describe("the invitation's title", () => {
  it('fills in both names, and leaves out " / {my name}" cleanly when the user has given none', () => {
    expect(catchUpTitle(DEFAULT_CATCH_UP.title, 'Priya Raman', 'Alex Morgan')).toBe(
      'Catch-up: Priya Raman / Alex Morgan',
    );
    expect(catchUpTitle(DEFAULT_CATCH_UP.title, 'Priya Raman', '')).toBe('Catch-up: Priya Raman');
    expect(catchUpTitle(DEFAULT_CATCH_UP.title, 'Priya Raman', '   ')).toBe('Catch-up: Priya Raman');
  });

  it('takes {my name} with what joins it wherever it stands, and the placeholders in any case', () => {
    expect(catchUpTitle('{my name} <> {their name}', 'Priya Raman', '')).toBe('Priya Raman');
    expect(catchUpTitle('{My Name} & {Their Name}: coffee', 'Priya Raman', '')).toBe('Priya Raman: coffee');
    expect(catchUpTitle('Coffee ({their name})', 'Priya Raman', '')).toBe('Coffee (Priya Raman)');
    expect(catchUpTitle('{THEIR NAME} - {my name}', 'Priya Raman', 'Alex')).toBe('Priya Raman - Alex');
    expect(catchUpTitle('{their name} · {my name}', 'Priya Raman', '')).toBe('Priya Raman');
    expect(catchUpTitle('{their name} — {my name}', 'Priya Raman', '')).toBe('Priya Raman');
  });

  it('puts names in as they are: nothing in a name is read as a placeholder or a replacement pattern', () => {
    expect(catchUpTitle(DEFAULT_CATCH_UP.title, '{my name} $& $1', 'Alex')).toBe('Catch-up: {my name} $& $1 / Alex');
    expect(catchUpTitle(DEFAULT_CATCH_UP.title, 'Priya - ', '')).toBe('Catch-up: Priya -');
  });

  it('falls back to their name when the template leaves nothing', () => {
    expect(catchUpTitle('{my name}', 'Priya Raman', '')).toBe('Priya Raman');
  });
});

describe('the proposed start', () => {
  it('is the next working day at 10:00, whatever the hour of the click', () => {
    expect(proposedStart(WEDNESDAY_3PM)).toBe(new Date(2026, 10, 26, 10, 0).getTime()); // Thursday
    expect(proposedStart(new Date(2026, 10, 25, 0, 5).getTime())).toBe(new Date(2026, 10, 26, 10, 0).getTime());
    expect(proposedStart(new Date(2026, 10, 27, 16, 0).getTime())).toBe(new Date(2026, 10, 30, 10, 0).getTime()); // Friday → Monday
    expect(proposedStart(new Date(2026, 10, 28, 9, 0).getTime())).toBe(new Date(2026, 10, 30, 10, 0).getTime()); // Saturday
    expect(proposedStart(new Date(2026, 10, 29, 23, 59).getTime())).toBe(new Date(2026, 10, 30, 10, 0).getTime()); // Sunday
  });
});

const PRIYA = person('priya.raman+work@finance.example', WEDNESDAY_3PM - 70 * DAY, { displayName: 'Priya Raman' });
const settings = (patch: Partial<CatchUpSettings> = {}): CatchUpSettings => ({ ...DEFAULT_CATCH_UP, ...patch });
const START = new Date(2026, 10, 26, 10, 0);
const utc = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

describe("Google Calendar's event template", () => {
  it('holds exactly the title, the times and the guest, percent-encoded', () => {
    const url = calendarLink(invitationFor(PRIYA, settings({ myName: 'Alex Morgan' }), WEDNESDAY_3PM), 'google');
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe('https://calendar.google.com/calendar/render');
    expect([...parsed.searchParams.keys()]).toEqual(['action', 'text', 'dates', 'add']);
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: 'Catch-up: Priya Raman / Alex Morgan',
      dates: `${utc(START).replace(/[-:]/g, '')}/${utc(new Date(START.getTime() + 30 * 60_000)).replace(/[-:]/g, '')}`,
      add: 'priya.raman+work@finance.example',
    });
    // A space is %20 and a plus is %2B: "+" in a query is read as a space by some.
    expect(url).toContain('text=Catch-up%3A%20Priya%20Raman%20%2F%20Alex%20Morgan');
    expect(url).toContain('add=priya.raman%2Bwork%40finance.example');
    expect(url).not.toMatch(/[ +]/);
  });

  it('lasts as long as the setting says', () => {
    const { start, end } = invitationFor(PRIYA, settings({ minutes: 45 }), WEDNESDAY_3PM);
    expect(end - start).toBe(45 * 60_000);
    expect(
      googleLink({
        title: 'x',
        start: Date.UTC(2026, 10, 26, 9),
        end: Date.UTC(2026, 10, 26, 9, 45),
        guest: 'a@b.example',
      }),
    ).toContain('dates=20261126T090000Z%2F20261126T094500Z');
  });
});

describe("Outlook on the web's compose link", () => {
  it('holds exactly the title and the times, for a work or school account and for a personal one', () => {
    const invitation = invitationFor(PRIYA, settings(), WEDNESDAY_3PM);
    for (const [account, host] of [
      ['outlook-work', 'outlook.office.com'],
      ['outlook-personal', 'outlook.live.com'],
    ] as const) {
      const parsed = new URL(outlookLink(invitation, account));
      expect(`${parsed.origin}${parsed.pathname}`).toBe(`https://${host}/calendar/0/deeplink/compose`);
      expect(Object.fromEntries(parsed.searchParams)).toEqual({
        subject: 'Catch-up: Priya Raman',
        startdt: utc(START),
        enddt: utc(new Date(START.getTime() + 30 * 60_000)),
      });
    }
  });
});

describe('what an invitation never holds', () => {
  it("never the person's note, status, priority, group or kind, whichever calendar opens", () => {
    const secretive = person('priya@finance.example', WEDNESDAY_3PM - 200 * DAY, {
      displayName: 'Priya Raman',
      note: 'Quietly-interviewing-elsewhere',
      priority: 'high',
      kind: 'supplier',
      groupId: 'grp-zanzibar-taskforce',
      idealDays: 11,
      maxDays: 23,
      thanksOwedSince: WEDNESDAY_3PM - 3 * DAY,
    });
    const entry = assess(secretive, { now: WEDNESDAY_3PM });
    expect(entry.status).toBe('red');
    const forbidden = [
      'Quietly-interviewing-elsewhere',
      'interviewing',
      'high',
      'supplier',
      'zanzibar',
      'taskforce',
      'grp-',
      'red',
      'overdue',
      'thanks',
    ];
    for (const calendar of CALENDAR_SERVICES) {
      // The whole person goes in, as a careless caller would pass it: only the name and address come out.
      const url = calendarLink(invitationFor(secretive, settings({ myName: 'Alex Morgan' }), WEDNESDAY_3PM), calendar);
      const decoded = decodeURIComponent(url).toLowerCase();
      for (const word of forbidden) expect(decoded, `${calendar}: ${word}`).not.toContain(word.toLowerCase());
      const values = [...new URL(url).searchParams.values()];
      expect(values.filter((v) => v !== 'TEMPLATE' && !/^[\dTZ:/-]+$/.test(v))).toEqual(
        calendar === 'google'
          ? ['Catch-up: Priya Raman / Alex Morgan', 'priya@finance.example']
          : ['Catch-up: Priya Raman / Alex Morgan'],
      );
    }
    expect(decodeURIComponent(emailLink(secretive.email))).toBe('mailto:priya@finance.example');
  });
});

describe('the email link', () => {
  it('is their address and nothing else, encoded where an address needs it', () => {
    expect(emailLink('priya@finance.example')).toBe('mailto:priya@finance.example');
    expect(emailLink('priya.raman+work@finance.example')).toBe('mailto:priya.raman%2Bwork@finance.example');
  });
});
