import { liveQuery } from 'dexie';
import type { CatchUpSettings } from '../catchup/settings';
import { type AppDB, getDb } from '../db/app-db';
import { allGroups, allPeople, meetingsSince, settingRows } from '../db/queries';
import { databaseReady } from '../db/ready';
import type { Group, Interaction, Person } from '../db/types';
import { createSender } from '../messaging-protocol';
import { SUGGESTION_WINDOW_MS } from '../relationships/team-suggestions';
import { getSetting } from '../settings';
import { POPUP_SETTINGS } from '../settings-schema';
import { messageActions } from './actions';
import { browser } from './native-browser';
import { popupSettingsFromRows } from './settings';
import type { PopupData } from './snapshot';

/**
 * What the popup needs once its list is on screen, loaded after the first paint: Dexie's live queries, the
 * message protocol for actions, the weekly pick.
 */
const sendMessage = createSender(browser.runtime);
export const actions = messageActions(sendMessage);

export interface LiveHandlers {
  people(people: Person[]): void;
  groups(groups: Group[]): void;
  settings(settings: PopupData['settings']): void;
  /** The last four weeks' meetings, for teammate suggestions. */
  recent(interactions: Interaction[]): void;
  pick(email: string | null): void;
}

/** Keeps the popup's data current until the returned function is called. */
export function connect(on: LiveHandlers, now: number): () => void {
  const db = getDb();
  let subscriptions: Array<{ unsubscribe(): void }> = [];
  let stopped = false;
  // The background opens (and upgrades) the database; the live queries start once it is at this version.
  void databaseReady(() => sendMessage('openDatabase', {})).then(() => {
    if (!stopped) subscriptions = subscribe(db, on, now);
  });
  void sendMessage('reminderSeen', {}).catch(() => undefined); // the popup is open: the reminder is seen
  // With syncing on, a feed last synced over an hour ago syncs now; the list follows through the live queries.
  void sendMessage('syncFeeds', { ifStale: true }).catch(() => undefined);
  void sendMessage('weeklyPick', {}).then(
    (r) => on.pick(r.email),
    () => on.pick(null),
  );
  return () => {
    stopped = true;
    for (const s of subscriptions) s.unsubscribe();
  };
}

function subscribe(db: AppDB, on: LiveHandlers, now: number) {
  return [
    liveQuery(() => allPeople(db)).subscribe({ next: on.people }),
    liveQuery(() => allGroups(db)).subscribe({ next: on.groups }),
    liveQuery(() => meetingsSince(db, now - SUGGESTION_WINDOW_MS)).subscribe({ next: on.recent }),
    liveQuery(() => settingRows(db, POPUP_SETTINGS)).subscribe({
      next: (rows) => on.settings(popupSettingsFromRows(rows)),
    }),
  ];
}

export function openManagementPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/** How "Plan a catch-up" fills in an invitation, read when a control that plans one shows or is clicked. */
export async function catchUpSettings(): Promise<CatchUpSettings> {
  await databaseReady(() => sendMessage('openDatabase', {}));
  return getSetting(getDb(), 'catchUp');
}

/** A new tab on `url`, from the user's click (no permission needed). */
export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}
