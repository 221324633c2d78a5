import * as v from 'valibot';
import { CONTACT_KINDS, PRIORITIES, RELATIONSHIP_KINDS } from '../db/types';
import { isEmail } from '../people/email';

/**
 * The backup file's format, version 1: everything Bridges keeps. Every record is checked field by field
 * before anything is written (strict objects: an unknown key, "__proto__" and "constructor" included, is an
 * error), and text fields have bounds, so a bad file names its problem and changes nothing.
 */
export const BACKUP_FORMAT = 'bridges-backup';
export const BACKUP_VERSION = 1;

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const Email = v.pipe(v.string(), v.maxLength(320), v.check(isEmail, 'not an email address'));
const Instant = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const Days = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const PersonSchema = v.strictObject({
  email: Email,
  displayName: Text(500),
  domain: Text(253),
  organisation: v.nullable(Text(253)),
  firstMetAt: Instant,
  lastMetAt: Instant,
  interactionCount: Count,
  createdAt: Instant,
  updatedAt: Instant,
  priority: v.picklist(PRIORITIES),
  kind: v.nullable(v.picklist(RELATIONSHIP_KINDS)),
  team: v.boolean(),
  ignored: v.boolean(),
  snoozedUntil: v.nullable(Instant),
  idealDays: Days,
  maxDays: Days,
  groupId: v.nullable(Text(100)),
  teamSuggestionDismissed: v.boolean(),
  note: Text(5000),
  thanksOwedSince: v.nullable(Instant),
  thanksSettledAt: v.nullable(Instant),
});

const AttendeeSchema = v.strictObject({
  email: Email,
  displayName: Text(500),
  response: v.picklist(['accepted', 'declined', 'tentative', 'needsAction']),
  organizer: v.boolean(),
  optional: v.boolean(),
});

export const InteractionSchema = v.strictObject({
  key: Text(1100),
  kind: v.picklist(['meeting', ...CONTACT_KINDS]),
  source: v.picklist(['google-calendar', 'manual', 'ics']),
  title: Text(2000),
  start: Instant,
  end: Instant,
  allDay: v.boolean(),
  people: v.pipe(v.array(Email), v.maxLength(5000)),
  attendees: v.pipe(v.array(AttendeeSchema), v.maxLength(5000)),
  calendarId: v.nullable(Text(320)),
  loggedAt: Instant,
  note: v.optional(Text(10_000)),
});

export const GroupSchema = v.strictObject({
  id: Text(100),
  name: Text(200),
  kind: v.picklist(['department', 'organisation']),
  createdAt: Instant,
});

const CadenceSchema = v.strictObject({ idealDays: Count, maxDays: Count });
export const BackupSettingsSchema = v.strictObject({
  meetingRules: v.optional(
    v.strictObject({ guestLimit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)) }),
  ),
  myEmails: v.optional(v.pipe(v.array(Email), v.maxLength(100))),
  internalDomains: v.optional(v.pipe(v.array(Text(253)), v.maxLength(100))),
  cadenceDefaults: v.optional(v.strictObject({ high: CadenceSchema, normal: CadenceSchema, low: CadenceSchema })),
  reminders: v.optional(
    v.strictObject({
      day: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
      hour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
      counts: v.picklist(['red', 'red-amber']),
      highOnly: v.boolean(),
      notifications: v.boolean(),
    }),
  ),
});

export const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: Instant,
  people: v.pipe(v.array(PersonSchema), v.maxLength(1_000_000)),
  interactions: v.pipe(v.array(InteractionSchema), v.maxLength(10_000_000)),
  groups: v.pipe(v.array(GroupSchema), v.maxLength(100_000)),
  settings: BackupSettingsSchema,
});

export type Backup = v.InferOutput<typeof BackupSchema>;
export type BackupSettings = v.InferOutput<typeof BackupSettingsSchema>;
