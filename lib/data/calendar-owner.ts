import { isEmail, isResourceEmail, normaliseEmail } from '../people/email';

/**
 * Whose calendar it is. Importing "my" calendar makes its address the user's: they are left out of every
 * meeting in it, and out of every later log. Taking a colleague's calendar for the user's would log the user
 * as a person and hide the colleague for good, so an address becomes the user's only on evidence that says so
 * (Google names its export `<address>.ical.zip`; Bridges may know the address already) and the user's yes.
 * Everything else in the file only suggests: when nothing decides, the user is asked.
 */
export interface OwnerCandidate {
  address: string;
  /** Why it may be the user's, in words: "5 events", "in 38 of 40 meetings". */
  why: string;
}

export interface OwnerQuestion {
  /** Addresses in the file that Bridges knows are the user's: nothing to ask about them. */
  known: string[];
  /** Addresses in the file that may be the user's (not known), the likeliest first: the user says which. */
  candidates: OwnerCandidate[];
  /** The candidate the file's own name says is the user's (Google's export is `<address>.ical.zip`), or null. */
  named: string | null;
}

/** The user's answer: one of the candidates is theirs, or none is. */
export type OwnerAnswer = { address: string } | 'none';

/** The part of a calendar the question looks at. */
interface Calendar {
  file: string;
  id: string;
  kind: string;
}

/**
 * The address Google's export is named after: "alex@example.com.ical.zip", also as browsers rename a second
 * download ("….ical (1).zip", "….ical(1).zip", "….ical-1.zip", "….ical 2.zip"). Null for any other name.
 */
export function exportOwnerFromName(fileName: string): string | null {
  const match = /^(.+?)\.ical(?:\s*\(\d+\)|[-\s]\d+)?\.zip$/i.exec(fileName.trim());
  const address = normaliseEmail(match?.[1] ?? '');
  return isEmail(address) ? address : null;
}

/**
 * The question for Google's export: its person-calendars (named by their owner's address) are the
 * candidates; the known ones and the one the file is named after (when it is among them) settle it.
 */
export function exportOwnerQuestion(
  fileName: string,
  calendars: readonly (Calendar & { events: number })[],
  myEmails: readonly string[],
): OwnerQuestion {
  const mine = new Set(myEmails.map(normaliseEmail));
  const people = [...new Map(calendars.filter((c) => c.kind === 'person').map((c) => [c.id, c])).values()];
  const known = people.filter((c) => mine.has(c.id)).map((c) => c.id);
  const candidates = people
    .filter((c) => !mine.has(c.id))
    .sort((a, b) => b.events - a.events || a.id.localeCompare(b.id))
    .map((c) => ({ address: c.id, why: `${c.events.toLocaleString('en')} ${c.events === 1 ? 'event' : 'events'}` }));
  const name = exportOwnerFromName(fileName);
  const named = candidates.some((c) => c.address === name) ? name : null;
  return { known, candidates, named };
}

/** How many meetings (events with people) the file holds, and in how many of them each address takes part. */
export interface AddressEvidence {
  meetings: number;
  counts: Map<string, number>;
}

// An event's edges, and its people's lines with the lines they are folded onto (RFC 5545 3.1).
const PEOPLE_LINES = /^(?:BEGIN:VEVENT|END:VEVENT|(?:ORGANIZER|ATTENDEE)[;:][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/gim;
const NOT_A_PERSON = /;CUTYPE=(?:"?)(?:ROOM|RESOURCE|GROUP)\b/i;

/**
 * The organisers and guests of a calendar file, counted by meeting: the owner of a calendar is in nearly all
 * of its meetings. A quick look for the question only (rooms and groups are not anyone); the import reads the
 * file properly (lib/data/ics).
 */
export function addressEvidence(text: string): AddressEvidence {
  const counts = new Map<string, number>();
  let meetings = 0;
  let current: Set<string> | null = null;
  for (const [line] of text.matchAll(PEOPLE_LINES)) {
    const head = line.slice(0, 12).toUpperCase();
    if (head.startsWith('BEGIN:VEVENT')) current = new Set();
    else if (head.startsWith('END:VEVENT')) {
      if (current && current.size > 0) {
        meetings++;
        for (const address of current) counts.set(address, (counts.get(address) ?? 0) + 1);
      }
      current = null;
    } else if (current) {
      const unfolded = line.replace(/\r?\n[ \t]/g, '');
      if (NOT_A_PERSON.test(unfolded)) continue;
      const address = normaliseEmail(/mailto:([^\s:;"]+)\s*$/i.exec(unfolded)?.[1] ?? '');
      if (isEmail(address) && !isResourceEmail(address)) current.add(address);
    }
  }
  return { meetings, counts };
}

/** At most this many addresses from the meetings are offered. */
const MAX_SUGGESTED = 3;

/**
 * The question for a single calendar file: the address it is named after (Google names a person's calendar
 * by its owner), then the addresses in at least half of its meetings, most meetings first. A file that names
 * an address Bridges knows (in its name or any meeting) is settled.
 */
export function fileOwnerQuestion(
  calendar: Calendar,
  evidence: AddressEvidence,
  myEmails: readonly string[],
): OwnerQuestion {
  const mine = new Set(myEmails.map(normaliseEmail));
  const inFile = new Set(evidence.counts.keys());
  if (calendar.kind === 'person') inFile.add(calendar.id);
  const known = [...inFile].filter((a) => mine.has(a)).sort();
  if (known.length > 0) return { known, candidates: [], named: null };
  const candidates: OwnerCandidate[] = [];
  if (calendar.kind === 'person') candidates.push({ address: calendar.id, why: 'the calendar is named after it' });
  const often = [...evidence.counts]
    .filter(([address, n]) => n * 2 >= evidence.meetings && address !== calendar.id)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_SUGGESTED);
  for (const [address, n] of often) {
    candidates.push({
      address,
      why: `in ${n.toLocaleString('en')} of ${evidence.meetings.toLocaleString('en')} meetings`,
    });
  }
  return { known: [], candidates, named: null };
}

/** The user must answer before importing: there are candidates, and no address of theirs is in the file. */
export function mustAsk(question: OwnerQuestion): boolean {
  return question.candidates.length > 0 && question.known.length === 0;
}

/** The answer to begin with: the address the file is named after, else none yet. */
export function startingAnswer(question: OwnerQuestion): OwnerAnswer | null {
  return question.named ? { address: question.named } : null;
}

/** The user's addresses in the file: the known ones and the one they chose. */
export function ownAddresses(question: OwnerQuestion, answer: OwnerAnswer | null): Set<string> {
  const own = new Set(question.known);
  if (answer && answer !== 'none') own.add(answer.address);
  return own;
}

/** Whose a person-calendar is: the user's, someone else's, or not yet known (the user has not answered). */
export type Whose = 'own' | 'someone-else' | 'undecided';

export function whoseCalendar(calendar: Calendar, question: OwnerQuestion, answer: OwnerAnswer | null): Whose {
  if (ownAddresses(question, answer).has(calendar.id)) return 'own';
  return mustAsk(question) && answer === null ? 'undecided' : 'someone-else';
}

/** The calendars chosen to begin with: the user's own; never someone else's, nor one not yet known to be theirs. */
export function ownCalendarFiles(
  calendars: readonly Calendar[],
  question: OwnerQuestion,
  answer: OwnerAnswer | null,
): Set<string> {
  const own = ownAddresses(question, answer);
  return new Set(calendars.filter((c) => c.kind === 'person' && own.has(c.id)).map((c) => c.file));
}

/**
 * The choice after the user changes their answer: the calendar that was theirs by the old answer is no longer
 * chosen, the one that is theirs by the new answer is; the user's other ticks stay.
 */
export function rechoose(
  chosen: ReadonlySet<string>,
  calendars: readonly Calendar[],
  question: OwnerQuestion,
  before: OwnerAnswer | null,
  after: OwnerAnswer | null,
): Set<string> {
  const filesOf = (answer: OwnerAnswer | null) =>
    answer && answer !== 'none' && !question.known.includes(answer.address)
      ? calendars.filter((c) => c.kind === 'person' && c.id === answer.address).map((c) => c.file)
      : [];
  const next = new Set(chosen);
  for (const file of filesOf(before)) next.delete(file);
  for (const file of filesOf(after)) next.add(file);
  return next;
}
