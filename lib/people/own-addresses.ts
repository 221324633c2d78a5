import type { AppDB } from '../db/app-db';
import { Refusal } from '../refusal';
import { dayIn } from '../relationships/calendar-day';
import { hasInvisible, LIMITS, normaliseEmail } from '../schema';
import { getSettings, setSetting } from '../settings';
import type { OwnAddressState } from '../settings-schema';
import { isEmail } from './email';

/** Calendar must show an unknown address as the signed-in account on this many days before it is learned. */
export const LEARN_AFTER_DAYS = 3;
/** At most this many addresses are learned without the user's word; more need a yes in the settings. */
export const MAX_LEARNED = 3;
/** Sightings kept (the most recent). */
const MAX_SIGHTINGS = 10;

export interface OwnAddresses {
  /** The user's own addresses. */
  known: string[];
  /** The card's signed-in account, when it may be left out of this meeting as the user; else null. */
  signedIn: string | null;
}

const dayKey = (at: number) => {
  const { year, month, day } = dayIn(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * The user's own addresses, what Bridges has seen of the signed-in account, and the card's signed-in address
 * normalised (null when it is no address, or hides invisible characters). Settings only, no meetings or
 * people: what a click during a restore can read (lib/logging/hold.ts).
 */
export async function readOwnAddresses(
  db: AppDB,
  selfEmail: string | null,
): Promise<{ known: string[]; state: OwnAddressState; email: string | null }> {
  const { myEmails: known, ownAddresses: state } = await getSettings(db, ['myEmails', 'ownAddresses']);
  const email = normaliseEmail(selfEmail ?? '');
  return { known, state, email: isEmail(email) && !hasInvisible(email) ? email : null };
}

/**
 * The user's own addresses for logging a meeting whose card names `selfEmail` as the signed-in account.
 *
 * The card is page text, and a script on the page could forge it. So the address is left out of the meeting
 * (as the user) unless it belongs to someone already in the log, and it is added to the user's addresses only
 * once Calendar has shown it on several days, at most a few times, or when the user confirms it in the
 * settings. A person already in the log is never silently turned into "me".
 */
export async function ownAddressesFor(db: AppDB, selfEmail: string | null, now: number): Promise<OwnAddresses> {
  const { known, state, email } = await readOwnAddresses(db, selfEmail);
  if (email === null) return { known, signedIn: null };
  if (known.includes(email)) return { known, signedIn: email };
  if (state.notMe.includes(email)) return { known, signedIn: null };
  const inLog = (await db.people.get(email)) !== undefined;
  const sighting = state.sightings.find((s) => s.email === email) ?? { email, days: [], lastSeen: now };
  const today = dayKey(now);
  const days = sighting.days.includes(today) ? sighting.days : [...sighting.days, today].slice(-LEARN_AFTER_DAYS);
  const others = state.sightings.filter((s) => s.email !== email);
  const learn =
    !inLog && days.length >= LEARN_AFTER_DAYS && state.learned.length < MAX_LEARNED && known.length < LIMITS.listLength;
  if (learn) {
    const next = [...known, email];
    await setSetting(db, 'myEmails', next);
    await setSetting(db, 'ownAddresses', { ...state, sightings: others, learned: [...state.learned, email] });
    return { known: next, signedIn: email };
  }
  const sightings = [...others, { email, days, lastSeen: now }]
    .sort((a, b) => b.lastSeen - a.lastSeen)
    .slice(0, MAX_SIGHTINGS);
  await setSetting(db, 'ownAddresses', { ...state, sightings });
  return { known, signedIn: inLog ? null : email };
}

/** The user's answer to "Is this you?": yes makes it one of their addresses, no stops the question. */
export async function settleOwnAddress(db: AppDB, email: string, isMe: boolean): Promise<OwnAddressState> {
  const { myEmails: known, ownAddresses: state } = await getSettings(db, ['myEmails', 'ownAddresses']);
  const sightings = state.sightings.filter((s) => s.email !== email);
  let next: OwnAddressState;
  if (isMe) {
    if (!known.includes(email)) {
      if (known.length >= LIMITS.listLength)
        throw new Refusal(`You have ${LIMITS.listLength} addresses already: remove one first.`);
      await setSetting(db, 'myEmails', [...known, email]);
    }
    next = { ...state, sightings, notMe: state.notMe.filter((e) => e !== email) };
  } else {
    if (state.learned.includes(email)) {
      await setSetting(
        db,
        'myEmails',
        known.filter((e) => e !== email),
      );
    }
    next = {
      sightings,
      learned: state.learned.filter((e) => e !== email),
      notMe: [...new Set([...state.notMe, email])].slice(-LIMITS.listLength),
    };
  }
  await setSetting(db, 'ownAddresses', next);
  return next;
}
