import type { Worker } from 'playwright-core';
import { PERSON_DEFAULTS } from '../../lib/db/app-db';
import type { Interaction, Person } from '../../lib/db/types';

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

/**
 * Puts `rows` (by store name) into the extension's database in one transaction. Runs inside the extension's
 * origin (a service worker or one of its pages, in any browser), so it is self-contained.
 */
export async function putRows(rows: { people?: unknown[]; interactions?: unknown[]; groups?: unknown[] }) {
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
