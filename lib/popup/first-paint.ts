import type { Group, Person } from '../db/types';
import { BOOKED_GRACE_MS, planningEndsAt } from '../relationships/booking';
import { buildPopupModel, type PopupModel, type PopupSettings, popupSettingsOf } from './model';
import type { StoredPopupSettings } from './settings';

/**
 * The popup's first screen, kept ready by the background (lib/popup/first-paint-keeper.ts) in the browser's
 * session storage: memory only, never synced, closed to content scripts in both browsers. With it, an open reads
 * one small record instead of every person, and paints before a read of everyone could have finished; the live
 * data takes over right after the paint, as it does after a full read.
 *
 * It is only used while it is exactly what the whole data would show: the background drops it at every write to
 * the people, groups or settings and writes it again once the writes have stopped, and it says until when its
 * ranking holds (the next local midnight, or the next moment a booking, a catch-up being planned or a snooze
 * ends). An open that finds none, or an outdated one, reads everyone as before.
 */
export const FIRST_PAINT_KEY = 'popupFirstPaint';
/** Changed whenever its shape changes: an older one is not used. */
export const FIRST_PAINT_VERSION = 1;
/** The people it holds, in ranked order: the popup's first page. */
export const FIRST_PAINT_PEOPLE = 25;

/** The counts the popup's headline says, over everyone (PopupModel's). */
export interface FirstPaintCounts {
  overdue: number;
  due: number;
  booked: number;
  planning: number;
  /** How many people the whole ranking holds; and how many people there are at all (none: the first run). */
  ranked: number;
  everyone: number;
}

export interface FirstPaint {
  version: typeof FIRST_PAINT_VERSION;
  computedAt: number;
  /** Until when (exclusive) its ranking holds. */
  validUntil: number;
  /** The computer's UTC offset when it was made (Date's getTimezoneOffset): another zone, another day. */
  zoneOffset: number;
  /** The first people of the ranking, most neglected first, and the groups they are in. */
  people: Person[];
  groups: Group[];
  settings: StoredPopupSettings;
  counts: FirstPaintCounts;
}

/** When a ranking made at `now` stops holding: the next local midnight, or the next status a clock ends. */
export function validUntilOf(people: readonly Person[], now: number): number {
  const midnight = new Date(now);
  midnight.setHours(24, 0, 0, 0);
  let until = midnight.getTime();
  const consider = (at: number | null) => {
    if (at !== null && at > now && at < until) until = at;
  };
  for (const person of people) {
    consider(person.snoozedUntil);
    if (person.nextMeetingAt !== null) consider(person.nextMeetingAt + BOOKED_GRACE_MS);
    if (person.planningSince !== null) {
      consider(person.planningSince); // set ahead of this computer's clock: it starts then
      consider(planningEndsAt(person.planningSince));
    }
  }
  return until;
}

/** The first screen for `people`, `groups` and `settings` at `now`. */
export function firstPaintOf(
  people: readonly Person[],
  groups: readonly Group[],
  settings: StoredPopupSettings,
  now: number,
): FirstPaint {
  const model = buildPopupModel(people, groups, popupSettingsOf(settings), now);
  const first = model.ranked.slice(0, FIRST_PAINT_PEOPLE).map((entry) => entry.person);
  const groupIds = new Set(first.map((p) => p.groupId));
  return {
    version: FIRST_PAINT_VERSION,
    computedAt: now,
    validUntil: validUntilOf(people, now),
    zoneOffset: new Date(now).getTimezoneOffset(),
    people: first,
    groups: groups.filter((g) => groupIds.has(g.id)),
    settings,
    counts: {
      overdue: model.overdue,
      due: model.due,
      booked: model.booked,
      planning: model.planning,
      ranked: model.ranked.length,
      everyone: people.length,
    },
  };
}

/** `value` (as read from session storage) if it is a first screen that holds at `now`, else null. */
export function usableFirstPaint(value: unknown, now: number): FirstPaint | null {
  if (typeof value !== 'object' || value === null) return null;
  const paint = value as Partial<FirstPaint>;
  if (paint.version !== FIRST_PAINT_VERSION) return null;
  if (typeof paint.computedAt !== 'number' || typeof paint.validUntil !== 'number') return null;
  if (now < paint.computedAt || now >= paint.validUntil) return null;
  if (paint.zoneOffset !== new Date(now).getTimezoneOffset()) return null;
  if (!Array.isArray(paint.people) || !Array.isArray(paint.groups) || !paint.settings || !paint.counts) return null;
  return paint as FirstPaint;
}

/**
 * The popup's model from a first screen: its people ranked again (the same order, with statuses and labels counted
 * at `now`), and the headline's counts over everyone, as the background counted them.
 */
export function modelFromFirstPaint(
  people: readonly Person[],
  groups: readonly Group[],
  settings: PopupSettings,
  counts: FirstPaintCounts,
  now: number,
): PopupModel {
  const model = buildPopupModel(people, groups, settings, now);
  return { ...model, overdue: counts.overdue, due: counts.due, booked: counts.booked, planning: counts.planning };
}
