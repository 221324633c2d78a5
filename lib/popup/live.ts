import { liveQuery } from 'dexie';
import { getDb } from '../db/app-db';
import type { Group, Interaction, Person } from '../db/types';
import { createSender } from '../messaging-protocol';
import { SUGGESTION_WINDOW_MS } from '../relationships/team-suggestions';
import { POPUP_SETTINGS } from '../settings-schema';
import { readSettings, watchSettings } from '../settings-snapshot';
import { messageActions } from './actions';
import { browser } from './native-browser';
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
  const subscriptions = [
    liveQuery(() => db.people.toArray()).subscribe({ next: on.people }),
    liveQuery(() => db.groups.toArray()).subscribe({ next: on.groups }),
    liveQuery(() =>
      db.interactions
        .where('start')
        .above(now - SUGGESTION_WINDOW_MS)
        .toArray(),
    ).subscribe({
      next: on.recent,
    }),
  ];
  const stopWatching = watchSettings(POPUP_SETTINGS, () => void readSettings(POPUP_SETTINGS).then(on.settings));
  void sendMessage('reminderSeen', {}).catch(() => undefined); // the popup is open: the reminder is seen
  // With syncing on, a feed last synced over an hour ago syncs now; the list follows through the live queries.
  void sendMessage('syncFeeds', { ifStale: true }).catch(() => undefined);
  void sendMessage('weeklyPick', {}).then(
    (r) => on.pick(r.email),
    () => on.pick(null),
  );
  return () => {
    for (const s of subscriptions) s.unsubscribe();
    stopWatching();
  };
}

export function openManagementPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}
