import { PERSON_DEFAULTS } from '../../lib/db/app-db';
import type { Group, Interaction, Person, SettingRow } from '../../lib/db/types';
import { makeLog } from '../e2e/seed';

const DAY = 86_400_000;

/** A deterministic pseudo-random sequence, so the data is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = (
  'the a to and of in on for with about their her his team project budget launch hiring quarter review plan ' +
  'customer partner contract renewal roadmap feedback promotion manager board offsite conference kids school ' +
  'holiday moved recently wants more visibility worried about churn pricing security audit migration cloud ' +
  'likes running coffee tea cycling football music books travel Lisbon Berlin Tokyo new role since spring ' +
  'biggest challenge is keeping scope small asked me to introduce them to finance follow up after demo owes ' +
  'intro to their CTO prefers short calls mornings only is on leave until March expecting second child'
).split(' ');

/** A note as people write them: a sentence or three, 60 to 400 characters. */
function noteText(rand: () => number): string {
  const length = 60 + Math.floor(rand() ** 2 * 340);
  let text = '';
  while (text.length < length) {
    const word = WORDS[Math.floor(rand() * WORDS.length)] as string;
    text += text === '' ? word[0]?.toUpperCase() + word.slice(1) : rand() < 0.08 ? `. ${word}` : ` ${word}`;
  }
  return `${text}.`;
}

/**
 * The heavy user of the sync issue: 2,000 people met over five years, of whom 500 have decisions (priority, kind,
 * cadence, group, team, snooze, thanks) and 350 of those a note, 20 groups, the settings, and 300 contacts logged
 * by hand in the last year. Change times are spread over the last year.
 */
export function heavyUser(now: number) {
  const rand = random(7);
  const log = makeLog(2_000, 12_000, now);
  const groups: Group[] = Array.from({ length: 20 }, (_, i) => ({
    id: `group-${i}`,
    name: i < 8 ? `Department ${i}` : `Partner organisation ${i}`,
    kind: i < 8 ? 'department' : 'organisation',
    createdAt: now - 300 * DAY,
    changedAt: { name: now - 300 * DAY, kind: now - 300 * DAY },
  }));
  const kinds = ['peer', 'customer', 'partner', 'direct-report', 'other-department', 'supplier'] as const;
  const people: Person[] = log.people.map((p, i) => {
    const plain: Person = { ...p, ...PERSON_DEFAULTS, changedAt: {} };
    if (i % 4 !== 0 || i >= 2_000) return plain;
    const at = () => now - Math.floor(rand() * 365) * DAY - Math.floor(rand() * DAY);
    const decided: Person = {
      ...plain,
      priority: i % 3 === 0 ? 'high' : i % 3 === 1 ? 'normal' : 'low',
      kind: kinds[i % kinds.length] ?? null,
      groupId: i % 2 === 0 ? `group-${i % 20}` : null,
      team: i % 40 === 0,
      changedAt: {},
    };
    const times: Record<string, number> = { priority: at(), kind: at() };
    if (decided.groupId) times.groupId = at();
    if (decided.team) times.team = at();
    if (i % 5 === 0) {
      decided.idealDays = 14;
      decided.maxDays = 30;
      times.cadence = at();
    }
    if (i % 11 === 0) {
      decided.thanksOwedSince = at();
      times.thanksOwedSince = decided.thanksOwedSince;
    }
    if (i % 13 === 0) {
      decided.snoozedUntil = now + 20 * DAY;
      times.snoozedUntil = at();
    }
    if (i % 16 !== 4) {
      decided.note = noteText(rand);
      times.note = at();
    }
    decided.changedAt = times;
    return decided;
  });
  const decidedPeople = people.filter((p) => Object.keys(p.changedAt ?? {}).length > 0);
  const contacts: Interaction[] = Array.from({ length: 300 }, (_, i) => {
    const who = decidedPeople[Math.floor(rand() * decidedPeople.length)] as Person;
    const start = now - Math.floor(rand() * 365 * DAY);
    const kind = (['call', 'coffee', 'chat', 'message', 'other'] as const)[i % 5] ?? 'call';
    return {
      key: `manual:${crypto.randomUUID()}`,
      kind,
      source: 'manual',
      title: kind,
      start,
      end: start,
      allDay: false,
      people: [who.email],
      attendees: [
        { email: who.email, displayName: who.displayName, response: 'accepted', organizer: false, optional: false },
      ],
      calendarId: null,
      loggedAt: start + 3_600_000,
      ...(i % 3 === 0 ? { note: noteText(rand).slice(0, 120) } : {}),
    };
  });
  const settings: SettingRow[] = [
    { name: 'myEmails', value: ['me@corp.example', 'me.too@corp.example'], changedAt: now - 200 * DAY },
    { name: 'internalDomains', value: ['corp.example', 'corp-eu.example'], changedAt: now - 200 * DAY },
    { name: 'meetingRules', value: { guestLimit: 12 }, changedAt: now - 100 * DAY },
    {
      name: 'cadenceDefaults',
      value: {
        high: { idealDays: 14, maxDays: 30 },
        normal: { idealDays: 30, maxDays: 60 },
        low: { idealDays: 90, maxDays: 180 },
      },
      changedAt: now - 50 * DAY,
    },
    {
      name: 'reminders',
      value: { day: 1, hour: 9, counts: 'red', highOnly: false, notifications: false },
      changedAt: now - 50 * DAY,
    },
  ];
  return { people, groups, contacts, settings, meetings: log.interactions };
}
