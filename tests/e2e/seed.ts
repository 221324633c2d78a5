import type { Worker } from 'playwright-core';
import { PERSON_DEFAULTS } from '../../lib/db/app-db';
import type { Group, Interaction, Person } from '../../lib/db/types';

const DAY = 86_400_000;

/** A person last met `daysAgo` days before `now`, with the defaults a new person gets. */
export function seedPerson(
  email: string,
  displayName: string,
  now: number,
  daysAgo: number,
  patch: Partial<Person> = {},
): Person {
  const domain = email.slice(email.indexOf('@') + 1);
  const at = now - daysAgo * DAY;
  return {
    email,
    displayName,
    domain,
    organisation: domain,
    firstMetAt: at,
    lastMetAt: at,
    interactionCount: 1,
    createdAt: now,
    updatedAt: now,
    ...PERSON_DEFAULTS,
    ...patch,
  };
}

/** A deterministic pseudo-random sequence, so seeded data is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRST = [
  'Priya',
  'Sam',
  'Wei',
  'Dana',
  'Jordan',
  'Alex',
  'Maria',
  'Tomás',
  'Aiko',
  'Noah',
  'Fatima',
  'Lars',
  'Chen',
  'Olga',
  'Kwame',
  'Sofia',
];
const LAST = [
  'Raman',
  'Okafor',
  'Chen',
  'Kim',
  'Lee',
  'Morgan',
  'García',
  'Silva',
  'Tanaka',
  'Müller',
  'Haddad',
  'Berg',
  'Novak',
  'Mensah',
  'Rossi',
  'Dubois',
];

/**
 * A heavy user's log: `peopleCount` people across organisations, `interactionCount` meetings over five years
 * before `now`, each with one to six of them; every person's first and last met and count agree with the
 * meetings, as the logging service keeps them.
 */
export function makeLog(peopleCount: number, interactionCount: number, now: number, seed = 42) {
  const rand = random(seed);
  const orgs = Array.from({ length: Math.max(1, Math.round(peopleCount / 30)) }, (_, i) => `org${i}.example`);
  const people: Person[] = Array.from({ length: peopleCount }, (_, i) => {
    const first = FIRST[i % FIRST.length] ?? 'P';
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Q';
    const domain = orgs[i % orgs.length] ?? 'org.example';
    const email = `${first.toLowerCase()}.${last.toLowerCase()}.${i}@${domain}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    return seedPerson(email, `${first} ${last}`, now, 0, {
      firstMetAt: Number.POSITIVE_INFINITY,
      lastMetAt: 0,
      interactionCount: 0,
      priority: i % 7 === 0 ? 'high' : i % 5 === 0 ? 'low' : 'normal',
      team: i % 25 === 0,
    });
  });
  const interactions: Interaction[] = [];
  const span = 5 * 365 * DAY;
  for (let i = 0; i < interactionCount; i++) {
    const start = Math.floor(now - rand() ** 1.5 * span);
    const size = 1 + Math.floor(rand() * 6);
    const chosen = new Set<Person>();
    while (chosen.size < size) chosen.add(people[Math.floor(rand() ** 2 * people.length)] as Person);
    for (const p of chosen) {
      p.firstMetAt = Math.min(p.firstMetAt, start);
      p.lastMetAt = Math.max(p.lastMetAt, start);
      p.interactionCount++;
    }
    interactions.push({
      key: `gcal:seed${i}`,
      kind: 'meeting',
      source: 'google-calendar',
      title: `Meeting ${i}`,
      start,
      end: start + 30 * 60_000,
      allDay: false,
      people: [...chosen].map((p) => p.email),
      attendees: [...chosen].map((p) => ({
        email: p.email,
        displayName: p.displayName,
        response: 'accepted',
        organizer: false,
        optional: false,
      })),
      calendarId: null,
      loggedAt: start,
    });
  }
  const met = people.filter((p) => p.interactionCount > 0);
  return { people: met, interactions };
}

/**
 * Writes rows into the extension's database from its service worker. The database must exist (the
 * extension's own code creates it: open the popup once first).
 */
export async function seedStore(
  worker: Worker,
  rows: { people?: unknown[]; interactions?: unknown[]; groups?: unknown[] },
): Promise<void> {
  await worker.evaluate(putRows, rows);
}

type SessionArea = { remove(key: string): Promise<void> };

/**
 * Puts `rows` (by store name) into the extension's database in one transaction. Runs inside the extension's
 * origin (a service worker or one of its pages, in any browser), so it is self-contained.
 */
export async function putRows(rows: {
  people?: unknown[];
  interactions?: unknown[];
  groups?: unknown[];
  settings?: Array<{ name: string; value: unknown }>;
}) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('bridges');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const stores = Object.keys(rows).filter((s) => db.objectStoreNames.contains(s));
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(stores, 'readwrite');
    for (const store of stores)
      for (const row of (rows as Record<string, unknown[]>)[store] ?? []) tx.objectStore(store).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  // Written behind the background's back (it is the only writer, and drops the popup's kept first screen at every
  // write of its own): the kept one no longer holds, so the popup reads everyone (lib/popup/first-paint.ts).
  const { browser, chrome } = globalThis as unknown as Record<string, { storage: { session: SessionArea } }>;
  await (browser ?? chrome)?.storage.session.remove('popupFirstPaint');
}

/**
 * How this open of the popup started: from the first screen the background keeps (`kept`), or by reading everyone
 * (`rows`), as entrypoints/popup-preload.ts left it. Runs inside the popup (any browser), so it is self-contained.
 */
export async function popupStart(): Promise<'kept' | 'rows'> {
  const start = await (globalThis as unknown as { bridgesPopupStart: Promise<object> }).bridgesPopupStart;
  return 'kept' in start ? 'kept' : 'rows';
}

/**
 * The settings as the database holds them (the rows of its `settings` store), by name. Runs inside the
 * extension's origin, so it is self-contained.
 */
export async function readSettingRows(): Promise<Record<string, unknown>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('bridges');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const rows = await new Promise<Array<{ name: string; value: unknown }>>((resolve, reject) => {
    if (!db.objectStoreNames.contains('settings')) return resolve([]);
    const req = db.transaction('settings').objectStore('settings').getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

/** Empties the extension's stores from its service worker, as on a fresh install; never creates the database. */
export async function clearStore(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'bridges')) return;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('bridges');
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stores = [...db.objectStoreNames];
    if (stores.length > 0) {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(stores, 'readwrite');
        for (const store of stores) tx.objectStore(store).clear();
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
    // As putRows: the popup's kept first screen no longer holds.
    const { browser, chrome } = globalThis as unknown as Record<string, { storage: { session: SessionArea } }>;
    await (browser ?? chrome)?.storage.session.remove('popupFirstPaint');
  });
}

/**
 * Waits, in an extension page, until the extension's own code has created its database (Dexie, after the
 * popup's first paint) with its stores. Each look opens the database without ever creating it.
 */
export async function waitForDatabase(page: import('playwright-core').Page, timeoutMs = 20_000): Promise<void> {
  // Polled here: waitForFunction would take the returned promise itself for a truthy answer.
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    if (await page.evaluate(databaseReady)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The extension did not create its database.');
}

/**
 * Whether the extension's own code has created its database with its stores, looked at without ever creating
 * it. Runs inside the extension's origin (any browser), so it is self-contained.
 */
export async function databaseReady(): Promise<boolean> {
  if (!(await indexedDB.databases()).some((d) => d.name === 'bridges')) return false;
  return new Promise<boolean>((resolve) => {
    const request = indexedDB.open('bridges');
    request.onupgradeneeded = () => request.transaction?.abort(); // not there yet: create nothing
    request.onerror = () => resolve(false);
    request.onsuccess = () => {
      const found = request.result.objectStoreNames.contains('people');
      request.result.close();
      resolve(found);
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The sample history of the demo and the store's screenshots: one leader's year in Bridges.

const WEEK = 7 * DAY;
/** The signed-in user of the saved Calendar pages. */
export const SAMPLE_ME = 'alex.morgan@example.com';
const COMPANY = 'example.com';

const SAMPLE_FIRST = [
  ...FIRST,
  'Amara',
  'Ben',
  'Chloé',
  'Diego',
  'Elif',
  'Finn',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kofi',
  'Leila',
  'Mateo',
  'Nadia',
  'Oscar',
  'Priyanka',
];
const SAMPLE_LAST = [
  ...LAST,
  'Andersen',
  'Bianchi',
  'Costa',
  'Dlamini',
  'Eriksen',
  'Fischer',
  'Gupta',
  'Hughes',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
];

interface SampleGroup {
  id: string;
  name: string;
  kind: Group['kind'];
  /** Email domain of its people. */
  domain: string;
  relationship: Person['kind'];
  size: number;
  titles: string[];
}

const DEPARTMENTS: SampleGroup[] = [
  ['finance', 'Finance', 24, ['Budget check-in', 'Q4 forecast', 'Finance sync', 'Headcount planning']],
  ['sales', 'Sales', 30, ['Pipeline review', 'Deal desk', 'Sales kickoff prep', 'Customer escalations']],
  ['design', 'Design', 16, ['Design crit', 'Research readout', 'Roadmap review']],
  ['legal', 'Legal', 10, ['Contract review', 'Privacy review', 'Policy update']],
  ['people', 'People & Culture', 12, ['Hiring plan', 'Engagement survey readout', 'Promotion calibration']],
  ['marketing', 'Marketing', 18, ['Launch planning', 'Messaging review', 'Campaign retro']],
  ['support', 'Customer Support', 20, ['Support escalations', 'Top issues review', 'Support tooling']],
].map(([id, name, size, titles]) => ({
  id: `dept-${id}`,
  name: name as string,
  kind: 'department' as const,
  domain: COMPANY,
  relationship: 'other-department' as const,
  size: size as number,
  titles: titles as string[],
}));

const ORGANISATIONS: SampleGroup[] = [
  [
    'northwind',
    'Northwind Traders',
    'customer',
    18,
    ['Quarterly business review', 'Renewal planning', 'Onboarding check-in'],
  ],
  ['globex', 'Globex', 'customer', 16, ['Quarterly business review', 'Escalation review', 'Expansion workshop']],
  ['umbrella', 'Umbrella Health', 'customer', 13, ['Compliance walkthrough', 'Quarterly business review']],
  ['hooli', 'Hooli', 'customer', 11, ['Pilot review', 'Executive sponsor sync']],
  ['initech', 'Initech', 'supplier', 8, ['Vendor check-in', 'SLA review', 'Contract renewal']],
  ['acme', 'Acme Cloud', 'supplier', 9, ['Capacity planning', 'Vendor check-in', 'Incident review']],
  ['stark', 'Stark Logistics', 'partner', 14, ['Partner sync', 'Joint roadmap', 'Integration review']],
  ['wayne', 'Wayne Analytics', 'partner', 8, ['Partner sync', 'Data-sharing agreement']],
  ['vandelay', 'Vandelay Industries', 'customer', 7, ['Discovery call', 'Proposal walkthrough']],
  ['tyrell', 'Tyrell Research', 'partner', 7, ['Research partnership', 'Advisory board']],
].map(([id, name, relationship, size, titles]) => ({
  id: `org-${id}`,
  name: name as string,
  kind: 'organisation' as const,
  domain: `${id}.example`,
  relationship: relationship as Person['kind'],
  size: size as number,
  titles: titles as string[],
}));

/**
 * The people the saved Calendar week shows, with the parts they play in the story. Priya, high priority in
 * Finance, is clearly overdue: open the "Q4 planning review" in the saved week, log it, and she turns green.
 */
const STORY: Array<{ email: string; name: string; group: string | null; patch: Partial<Person>; lastDaysAgo: number }> =
  [
    {
      email: 'priya.raman@example.com',
      name: 'Priya Raman',
      group: 'dept-finance',
      patch: { priority: 'high', note: 'New CFO staff lead. Her biggest challenge: the Q1 budget freeze.' },
      lastDaysAgo: 47,
    },
    {
      email: 'sam.okafor@partner.example.org',
      name: 'Sam Okafor',
      group: null,
      patch: {
        priority: 'high',
        kind: 'partner',
        note: 'Owns the reseller programme; wants a joint roadmap by March.',
      },
      lastDaysAgo: 83,
    },
    {
      email: 'dana.kim@example.net',
      name: 'Dana Kim',
      group: null,
      patch: { kind: 'customer', thanksOwedSince: 0 },
      lastDaysAgo: 38,
    },
    {
      email: 'wei.chen@example.com',
      name: 'Wei Chen',
      group: 'dept-design',
      patch: { priority: 'high' },
      lastDaysAgo: 9,
    },
  ];

export interface SampleHistory {
  people: Person[];
  interactions: Interaction[];
  groups: Group[];
  settings: { myEmails: string[]; internalDomains: string[] };
}

/**
 * A year of one leader's meetings, as Bridges would hold it on `now`: about 250 people in a team of eight,
 * seven departments and ten outside organisations; weekly team meetings and one-to-ones; meetings outside the
 * team that grew more frequent over the last quarter (the trend moves); most relationships on track, a few
 * clearly overdue (Priya in Finance, Sam at a partner), some due; thanks owed, notes, a stretch pick. The same
 * every time for the same `now`.
 */
export function makeSampleHistory(now: number, seed = 2026): SampleHistory {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const yearAgo = now - 365 * DAY;
  const quarterAgo = now - 13 * WEEK;
  const usedNames = new Set<string>(STORY.map((s) => s.name));
  const nameFor = (): [string, string] => {
    for (;;) {
      const first = pick(SAMPLE_FIRST);
      const last = pick(SAMPLE_LAST);
      if (!usedNames.has(`${first} ${last}`)) {
        usedNames.add(`${first} ${last}`);
        return [first, last];
      }
    }
  };
  const emailOf = (first: string, last: string, domain: string) =>
    `${first}.${last}@${domain}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9.@]/g, '');

  /** Each person's rhythm: days between meetings, and how long ago they were last met. */
  interface Plan {
    person: Person;
    group: SampleGroup | null;
    rhythmDays: number;
    lastAt: number;
  }
  const plans: Plan[] = [];
  const add = (
    email: string,
    name: string,
    group: SampleGroup | null,
    patch: Partial<Person>,
    plan: [number, number],
  ) => {
    const domain = email.slice(email.indexOf('@') + 1);
    const person = seedPerson(email, name, now, 0, {
      organisation: domain === COMPANY ? null : domain,
      kind: group?.relationship ?? null,
      groupId: group?.id ?? null,
      firstMetAt: Number.POSITIVE_INFINITY,
      lastMetAt: 0,
      interactionCount: 0,
      createdAt: yearAgo,
      ...patch,
    });
    plans.push({ person, group, rhythmDays: plan[0], lastAt: now - plan[1] * DAY });
  };

  // The team: eight people met every week, and the manager.
  const team: Person[] = [];
  for (let i = 0; i < 8; i++) {
    const [first, last] = i === 0 ? ['Jordan', 'Lee'] : nameFor();
    if (i === 0) usedNames.add('Jordan Lee');
    add(emailOf(first, last, COMPANY), `${first} ${last}`, null, { team: true, kind: 'direct-report' }, [7, 1 + i]);
    team.push((plans.at(-1) as Plan).person);
  }
  add('morgan.blake@example.com', 'Morgan Blake', null, { kind: 'manager', priority: 'high' }, [7, 3]);
  usedNames.add('Morgan Blake');

  // Everyone else: mostly met about as often as their priority asks, so most are on track. A few drift.
  const groups = [...DEPARTMENTS, ...ORGANISATIONS];
  const drifting = new Map<string, [daysAgo: number, priority: Person['priority']]>([
    ['org-globex', [33, 'high']], // red: past 28 days
    ['dept-sales', [72, 'normal']], // red: past 60 days
    ['org-initech', [205, 'low']], // red: past 180 days
    ['dept-legal', [41, 'normal']], // amber: past 30 days
    ['dept-marketing', [36, 'normal']], // amber
    ['org-hooli', [118, 'low']], // amber: past 90 days
  ]);
  for (const group of groups) {
    for (let i = 0; i < group.size; i++) {
      const [first, last] = nameFor();
      const drift = i === 0 ? drifting.get(group.id) : undefined;
      const r = rand();
      const priority: Person['priority'] = drift?.[1] ?? (i === 0 ? 'high' : r < 0.35 ? 'normal' : 'low');
      const ideal = priority === 'high' ? 14 : priority === 'normal' ? 30 : 90;
      const rhythm = Math.max(5, Math.round(ideal * (0.6 + rand() * 0.35)));
      // The group's first member has drifted where the story says so; everyone else is on track.
      const lastDaysAgo = drift?.[0] ?? 1 + Math.floor(rand() * rhythm * 0.8);
      add(emailOf(first, last, group.domain), `${first} ${last}`, group, { priority }, [rhythm, lastDaysAgo]);
    }
  }
  for (const s of STORY.filter((x) => x.group !== null || x.patch.kind)) {
    const group = groups.find((g) => g.id === s.group) ?? null;
    const priority = s.patch.priority ?? 'normal';
    const patch = { ...s.patch, thanksOwedSince: s.patch.thanksOwedSince === 0 ? now - 6 * DAY : null };
    add(s.email, s.name, group, patch, [priority === 'high' ? 10 : 21, s.lastDaysAgo]);
  }

  // Meetings: each outside-team person's own rhythm, walked back from their last meeting over the year, a
  // third slower before the last quarter; colleagues of the same group join some, where that does not move their
  // last meeting. Titles come from the group.
  const interactions: Interaction[] = [];
  const byEmail = new Map(plans.map((p) => [p.person.email, p]));
  const workHour = (t: number) => {
    const d = new Date(t);
    let day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0) day -= 2 * DAY;
    if (weekday === 6) day -= DAY;
    const at = day + (14 + Math.floor(rand() * 7)) * 3600_000 + (rand() < 0.5 ? 0 : 30 * 60_000);
    return at > now - 3600_000 ? at - 7 * DAY : at;
  };
  let n = 0;
  const meet = (start: number, people: Person[], title: string, kind: Interaction['kind'] = 'meeting') => {
    const manual = kind !== 'meeting';
    const interaction: Interaction = {
      key: manual ? `manual:sample-${n++}` : `gcal:sample${n++}`,
      kind,
      source: manual ? 'manual' : 'google-calendar',
      title: manual ? '' : title,
      start,
      end: start + (manual ? 15 : 30 + 30 * Math.floor(rand() * 2)) * 60_000,
      allDay: false,
      people: people.map((p) => p.email),
      attendees: manual
        ? []
        : [SAMPLE_ME, ...people.map((p) => p.email)].map((email) => ({
            email,
            displayName: email === SAMPLE_ME ? 'Alex Morgan' : (byEmail.get(email)?.person.displayName ?? email),
            response: 'accepted' as const,
            organizer: email === SAMPLE_ME,
            optional: false,
          })),
      calendarId: manual ? null : SAMPLE_ME,
      loggedAt: start,
    };
    interactions.push(interaction);
    return interaction;
  };

  // The team meeting every Monday, a one-to-one with the manager every week.
  for (let t = workHour(now - 2 * DAY); t > yearAgo; t -= WEEK) {
    meet(t, team, 'Platform team weekly');
    const manager = byEmail.get('morgan.blake@example.com')?.person;
    if (manager) meet(t + DAY, [manager], '1:1 Morgan / Alex');
  }
  // Most meetings outside the team bring several people of one group together: a person's meeting joins one of
  // their group's meetings a few days either side when there is one (never later than their last meeting).
  const byGroup = new Map<string, Interaction[]>();
  for (const plan of plans) {
    if (plan.person.team || plan.person.kind === 'manager') continue;
    const groupMeetings = byGroup.get(plan.group?.id ?? plan.person.domain) ?? [];
    byGroup.set(plan.group?.id ?? plan.person.domain, groupMeetings);
    for (let t = plan.lastAt, latest = true; t > yearAgo; latest = false) {
      const at = workHour(t);
      if (at <= yearAgo) break;
      const window = latest ? [at - DAY, plan.lastAt] : [at - 4 * DAY, at + 4 * DAY];
      const shared = groupMeetings.find(
        (m) => m.start >= (window[0] ?? 0) && m.start <= (window[1] ?? 0) && m.people.length < 5,
      );
      if (shared && rand() < 0.75) {
        shared.people.push(plan.person.email);
        shared.attendees.push({
          email: plan.person.email,
          displayName: plan.person.displayName,
          response: 'accepted',
          organizer: false,
          optional: false,
        });
      } else if (rand() < 0.07) meet(at, [plan.person], '', pick(['call', 'coffee', 'message'] as const));
      else groupMeetings.push(meet(at, [plan.person], pick(plan.group?.titles ?? ['Catch-up', 'Coffee'])));
      const slower = at < quarterAgo ? 1.6 : 1;
      t = at - plan.rhythmDays * DAY * slower * (0.7 + rand() * 0.6);
    }
  }

  // Each person's first and last meeting and their count agree with the meetings, as the logging service keeps.
  for (const i of interactions) {
    for (const email of i.people) {
      const p = byEmail.get(email)?.person;
      if (!p) continue;
      p.firstMetAt = Math.min(p.firstMetAt, i.start);
      p.lastMetAt = Math.max(p.lastMetAt, i.start);
      p.interactionCount++;
    }
  }
  const people = plans.map((p) => p.person).filter((p) => p.interactionCount > 0);
  for (const p of people) p.createdAt = Math.min(p.createdAt, p.firstMetAt);
  // A few thanks owed and notes beyond the story's, on people met lately.
  for (const p of people.filter((x) => !x.team && x.priority !== 'low').slice(3, 6))
    p.thanksOwedSince = p.lastMetAt + 3600_000;
  const notes = [
    'Cares about: shipping the partner API before their Q2 launch.',
    'Biggest challenge: hiring two senior engineers in Lisbon.',
    'Prefers a short agenda sent the day before.',
    'Wants early sight of pricing changes.',
  ];
  for (const [i, p] of people.filter((x) => !x.team && !x.note && x.priority === 'high').entries())
    if (i < notes.length) p.note = notes[i] ?? '';

  return {
    people,
    interactions: interactions.sort((a, b) => a.start - b.start),
    groups: groups.map(({ id, name, kind }) => ({ id, name, kind, createdAt: yearAgo })),
    settings: { myEmails: [SAMPLE_ME], internalDomains: [COMPANY] },
  };
}

/** The sample history as a backup file, which the management page restores as a user would. */
export function sampleBackupFile(now: number): string {
  const history = makeSampleHistory(now);
  return JSON.stringify({ format: 'bridges-backup', version: 1, exportedAt: now, ...history });
}
