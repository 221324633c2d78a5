/** The records Bridges keeps. All times are epoch milliseconds (real instants). */

/** How a guest answered the invitation, as Calendar shows it. */
export type Response = 'accepted' | 'declined' | 'tentative' | 'needsAction';

/** Where an interaction came from: a Calendar card, the user's hand, a calendar file, or the calendar feed. */
export type InteractionSource = 'google-calendar' | 'manual' | 'ics' | 'feed';

/** What kind of contact an interaction was. Meetings come from a calendar; the rest are logged by hand. */
export type InteractionKind = 'meeting' | 'call' | 'coffee' | 'chat' | 'message' | 'other';

/** The kinds of contact a user logs by hand. */
export const CONTACT_KINDS = ['call', 'coffee', 'chat', 'message', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_LABELS: Record<ContactKind, string> = {
  call: 'Call',
  coffee: 'Coffee',
  chat: 'Chat',
  message: 'Message',
  other: 'Other contact',
};

/** How much a relationship matters; sets the default cadence and weighs the ranking. Most important first. */
export const PRIORITIES = ['high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** Where a priority comes in the order above: 0 for high. */
export const priorityRank = (priority: Priority): number => PRIORITIES.indexOf(priority);

/** The kinds of relationship from the leadership material Bridges comes from. */
export type RelationshipKind =
  | 'manager'
  | 'direct-report'
  | 'peer'
  | 'other-department'
  | 'customer'
  | 'supplier'
  | 'partner'
  | 'other';
export const RELATIONSHIP_KINDS: readonly RelationshipKind[] = [
  'manager',
  'direct-report',
  'peer',
  'other-department',
  'customer',
  'supplier',
  'partner',
  'other',
];

export interface Person {
  /** Normalised email (trimmed, lower case): the primary key. */
  email: string;
  /** The name Calendar showed, or the email when it showed none. Untrusted page text: render as text. */
  displayName: string;
  /** The email's domain, e.g. "partner.example.org". */
  domain: string;
  /** First guess at the organisation: the domain, or null for consumer mail domains such as gmail.com. */
  organisation: string | null;
  /** Earliest and latest start of an interaction with this person (kept up to date on every write). */
  firstMetAt: number;
  lastMetAt: number;
  /** How many interactions include this person (kept up to date on every write). */
  interactionCount: number;
  createdAt: number;
  updatedAt: number;
  // Since schema version 2:
  priority: Priority;
  kind: RelationshipKind | null;
  /** The user's call: part of my own team (never set by a suggestion alone). */
  team: boolean;
  /** Left out of the popup and reminders. */
  ignored: boolean;
  /** Left out of the popup and reminders until then. */
  snoozedUntil: number | null;
  /** The person's own cadence in days; null means the default for their priority. */
  idealDays: number | null;
  maxDays: number | null;
  /** A named group (department, partner organisation), or null. */
  groupId: string | null;
  /** The user said "no" to the suggestion that this person is on their team. */
  teamSuggestionDismissed: boolean;
  // Since schema version 3:
  /** What matters to them, their biggest challenge: the user's own words. */
  note: string;
  /** Since when the user owes them thanks, or null. */
  thanksOwedSince: number | null;
  /** When the user last settled thanks owed to them, or null. */
  thanksSettledAt: number | null;
  // Since schema version 6:
  /**
   * The start of the next meeting booked with them (the `upcoming` store), or null: kept by the background on
   * every change to what is booked, so the popup reads no second store to say "Booked Thu 4 Mar".
   */
  nextMeetingAt: number | null;
  /** When the user clicked "Plan a catch-up" with them (it counts for a week, until a meeting is booked or logged). */
  planningSince: number | null;
  // Since schema version 7:
  /**
   * When each of the user's own fields was last changed (lib/sync/fields.ts names them; the cadence's two numbers
   * are one), for sync across browsers: the later change of a field wins. A field never changed has no time.
   */
  changedAt?: ChangeTimes;
}

/** When each field of a record was last changed, by field: epoch milliseconds. */
export type ChangeTimes = Partial<Record<string, number>>;

/** A named group of people: a department of my company or an outside organisation. */
export interface Group {
  id: string;
  name: string;
  kind: 'department' | 'organisation';
  createdAt: number;
  /** Since schema version 7: when its name and kind were last changed (sync across browsers). */
  changedAt?: ChangeTimes;
}

/** One person as they took part in an interaction. */
export interface Attendee {
  email: string;
  displayName: string;
  response: Response;
  organizer: boolean;
  optional: boolean;
}

export interface Interaction {
  /**
   * Unique key, the primary key. For Google Calendar: "gcal:<event id>", where the event id is the
   * instance's own id (a recurring meeting's instances have distinct ids), so logging twice is a no-op.
   */
  key: string;
  kind: InteractionKind;
  source: InteractionSource;
  title: string;
  start: number;
  end: number;
  allDay: boolean;
  /** Emails of the people counted as met (index: all meetings with a person). */
  people: string[];
  /** The same people with what the calendar said of them. */
  attendees: Attendee[];
  /** The calendar that showed the event (for Google: the decoded calendar id). */
  calendarId: string | null;
  /** When the user logged it. */
  loggedAt: number;
  note?: string;
}

/**
 * A meeting booked ahead, not yet happened: from the calendar feed's or Google's export's future events, or noted
 * from a Calendar card. Not a contact: it never changes "last met" and is in no trend; it is replaced by the
 * logged meeting once that has happened, and dropped when cancelled, declined, or past without being logged.
 */
export interface Upcoming {
  /** The key the meeting will have when it is logged ("gcal:<instance id>"). */
  key: string;
  title: string;
  start: number;
  end: number;
  /** The people in it, as they will be counted (not the user, rooms, groups or those who declined). */
  people: string[];
  source: 'google-calendar' | 'ics' | 'feed';
  calendarId: string | null;
  notedAt: number;
}

/** A setting, one row each in the `settings` store: its name (lib/settings-schema.ts) and its value. */
export interface SettingRow {
  name: string;
  value: unknown;
  /** Since schema version 7, on the settings a user sets: when they last changed it (sync across browsers). */
  changedAt?: number;
}

/**
 * Something the user deleted, remembered for a while (lib/sync) so that their other browsers delete it too:
 * "person:<email>" or "group:<id>", when, and for two people made one, whom they became.
 */
export interface Tombstone {
  key: string;
  at: number;
  into?: string;
}

/**
 * This browser's sync across browsers (lib/sync): its key (a CryptoKey that cannot be read out, kept nowhere
 * else and never in a backup) and where syncing stands. Checked by lib/sync when read.
 */
export interface SyncRow {
  name: string;
  value: unknown;
}

/**
 * A "Log meeting" click that came while a restore held the meetings and people (lib/logging/hold.ts): the
 * meeting as the rules judged it then (never the whole card), written through the usual path once the
 * restore ends. One row per click, so two clicks at once are both kept.
 */
export interface HeldClick {
  id: string;
  at: number;
  meeting: Interaction;
}
