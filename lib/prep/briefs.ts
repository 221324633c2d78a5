import type { AppDB } from '../db/app-db';
import type { Group } from '../db/types';
import { getSettings } from '../settings';
import { type Brief, briefOf, guestAddresses } from './model';
import { type MeetingAsk, MeetingTokens } from './tokens';

/** What the "Before you meet" frame is given: the panel's content, and whether the user keeps it folded. */
export interface BriefAnswer {
  brief: Brief;
  collapsed: boolean;
}

/**
 * Reads what the panel shows for a meeting's guests. The background reads it for the frame: an extension frame
 * inside the Calendar page is a third-party frame, and a browser that blocks third-party storage (Chrome does when
 * third-party cookies are blocked) refuses it the extension's IndexedDB.
 */
export async function readBrief(db: AppDB, ask: MeetingAsk, now: number): Promise<BriefAnswer> {
  const settings = await getSettings(db, ['myEmails', 'internalDomains', 'cadenceDefaults', 'prepCollapsed']);
  const guests = guestAddresses(ask.guests, settings.myEmails);
  const people = await db.people.bulkGet(guests);
  const groupIds = [...new Set(people.flatMap((p) => (p?.groupId ? [p.groupId] : [])))];
  const groups = new Map<string, Group>();
  for (const group of await db.groups.bulkGet(groupIds)) if (group) groups.set(group.id, group);
  const brief = briefOf(guests, people, {
    now,
    cadences: settings.cadenceDefaults,
    groups,
    internalDomains: settings.internalDomains,
    me: settings.myEmails,
  });
  return { brief, collapsed: settings.prepCollapsed };
}

/**
 * The background's one registry of asked meetings: each token holds the brief, read as soon as the content script
 * asks, so it is ready by the time the frame has loaded and asks for it (null if it could not be read).
 */
export const meetingTokens = new MeetingTokens<Promise<BriefAnswer | null>>();

/** Registers the meeting a Calendar tab asked about, and begins reading its brief; returns the frame's token. */
export function askAbout(db: AppDB, ask: MeetingAsk, tabId: number, now: number): string {
  const brief = readBrief(db, ask, now).catch(() => null);
  return meetingTokens.register(brief, tabId, now);
}

/** The brief for a token, once, in the tab that asked; null for any other token. */
export async function briefFor(token: string, tabId: number | null, now: number): Promise<BriefAnswer | null> {
  return (await meetingTokens.claim(token, tabId, now)) ?? null;
}
