import { type CatchUpSettings, DEFAULT_CATCH_UP } from './catchup/settings';
import { DEFAULT_MEETING_RULES, type MeetingRules } from './logging/rules';
import { type CadenceDefaults, DEFAULT_CADENCES } from './relationships/cadence';

/** The week's stretch pick, kept for the whole ISO week it was chosen in. */
export interface WeeklyPick {
  week: string;
  email: string | null;
}

/** When the weekly reminder comes and what it counts. */
export interface ReminderSettings {
  /** 0 = Sunday … 6 = Saturday, in the user's local time. */
  day: number;
  /** 0–23, on the hour, local time (it stays at that hour across daylight-saving changes). */
  hour: number;
  /** Which statuses count: red only, or red and amber. */
  counts: 'red' | 'red-amber';
  /** Count only high-priority relationships. */
  highOnly: boolean;
  /** Also show a system notification (asks for the optional "notifications" permission). */
  notifications: boolean;
}

/** Where the weekly reminder stands (kept by the background). */
export interface ReminderState {
  /** The ISO week whose reminder has fired, e.g. "2026-W48". */
  lastFiredWeek: string | null;
  /** True from a reminder until the popup is opened. */
  active: boolean;
  /** When Bridges was installed: reminders due before that are not caught up. */
  installedAt: number | null;
}

/**
 * What Bridges has seen of the account Calendar is signed into. An address becomes one of the user's own only
 * when they say so, or, for an address no one in the log has, after Calendar showed it on several days; a
 * script on the page cannot make a colleague "me" with one forged card.
 */
export interface OwnAddressState {
  /** Addresses Calendar showed as the signed-in account, not (yet) the user's own: the days it did. */
  sightings: Array<{ email: string; days: string[]; lastSeen: number }>;
  /** Addresses learned without the user's word (capped). */
  learned: string[];
  /** Addresses the user said are not theirs. */
  notMe: string[];
}

/** The user's calendar feeds. The addresses are secrets: this browser's database only, never in a backup or a CSV. */
export interface FeedSettings {
  /** The user said yes to syncing (and allowed Bridges to reach calendar.google.com/calendar/ical/). */
  enabled: boolean;
  feeds: Array<{ id: string; url: string; calendar: string }>;
}

/** How the feed's syncing stands, in words the settings page shows. */
export interface FeedStatus {
  lastSyncAt: number | null;
  /** Meetings added and taken back by the last sync that changed anything, and since syncing began. */
  lastAdded: number;
  lastRemoved: number;
  totalAdded: number;
  error: { problem: string; message: string; at: number; calendar: string } | null;
}

/** Per feed: the conditional request's validators and the fingerprints of the instances last seen. */
export type FeedSyncState = Record<
  string,
  { etag: string | null; lastModified: string | null; instances: Record<string, string> }
>;

export const FEED_STATUS_NONE: FeedStatus = {
  lastSyncAt: null,
  lastAdded: 0,
  lastRemoved: 0,
  totalAdded: 0,
  error: null,
};

/** Every small setting: its storage key and the value it has until the user sets one. */
export interface Settings {
  meetingRules: MeetingRules;
  myEmails: string[];
  internalDomains: string[];
  cadenceDefaults: CadenceDefaults;
  weeklyPick: WeeklyPick | null;
  reminders: ReminderSettings;
  reminderState: ReminderState;
  ownAddresses: OwnAddressState;
  feedSettings: FeedSettings;
  feedStatus: FeedStatus;
  feedSyncState: FeedSyncState;
  catchUp: CatchUpSettings;
  /** Show "Before you meet" in Calendar's event card (off: no frame is made at all). */
  prepPanel: boolean;
  /** The user folded "Before you meet" to one line; it stays folded in every card until they open it. */
  prepCollapsed: boolean;
}

/** Every setting's name: the key of its row in the database's `settings` store. */
export type SettingName = keyof Settings;

/** The settings the popup needs for its first paint. */
export const POPUP_SETTINGS = ['myEmails', 'internalDomains', 'cadenceDefaults'] as const satisfies (keyof Settings)[];

export const SETTING_FALLBACKS: Settings = {
  meetingRules: DEFAULT_MEETING_RULES,
  myEmails: [],
  internalDomains: [],
  cadenceDefaults: DEFAULT_CADENCES,
  weeklyPick: null,
  reminders: { day: 1, hour: 9, counts: 'red', highOnly: false, notifications: false },
  reminderState: { lastFiredWeek: null, active: false, installedAt: null },
  ownAddresses: { sightings: [], learned: [], notMe: [] },
  feedSettings: { enabled: false, feeds: [] },
  feedStatus: FEED_STATUS_NONE,
  feedSyncState: {},
  catchUp: DEFAULT_CATCH_UP,
  prepPanel: true,
  prepCollapsed: false,
};
