import { storage } from 'wxt/utils/storage';
import { SETTING_FALLBACKS as F, SETTING_KEYS as K, type Settings } from './settings-schema';

/**
 * Small settings live in extension storage (records live in Dexie), each a versioned item. The popup reads
 * them with lib/settings-snapshot.ts (the same keys, without the storage library) to stay small.
 */
function item<N extends keyof Settings>(name: N) {
  return storage.defineItem<Settings[N]>(K[name], { fallback: F[name], version: 1 });
}

/** Meeting rules: the guest limit that asks for a second click. */
export const meetingRulesItem = item('meetingRules');
/** The user's own addresses: typed by them, confirmed by them, or learned from Calendar's signed-in account. */
export const myEmailsItem = item('myEmails');
/** Email domains of the user's own company: people there are colleagues (on the team or not). */
export const internalDomainsItem = item('internalDomains');
/** Ideal and maximum days between contacts, by priority. */
export const cadenceDefaultsItem = item('cadenceDefaults');
/** The week's stretch pick. */
export const weeklyPickItem = item('weeklyPick');
/** When the weekly reminder comes and what it counts. */
export const remindersItem = item('reminders');
/** Where the weekly reminder stands. */
export const reminderStateItem = item('reminderState');
/** What Bridges has seen of the signed-in Calendar account (lib/commands/own-addresses.ts). */
export const ownAddressesItem = item('ownAddresses');
/** The calendar feeds' secret addresses and whether syncing is on (lib/feed/). Never in a backup. */
export const feedSettingsItem = item('feedSettings');
/** How syncing stands. */
export const feedStatusItem = item('feedStatus');
/** What each feed's last sync saw. */
export const feedSyncStateItem = item('feedSyncState');
/** Meetings logged from Calendar while a restore held the database, until they are written. */
export const heldLogsItem = item('heldLogs');
