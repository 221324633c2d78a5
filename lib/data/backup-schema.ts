import * as v from 'valibot';
import type { Attendee, Group, Interaction, Person } from '../db/types';
import {
  ContactKind,
  Count,
  Email,
  GroupId,
  GroupKind,
  Instant,
  LATEST,
  LIMITS,
  Priority,
  RelationshipKind,
  ResponseSchema,
  type SameFields,
  Text,
  UserSettingsSchema,
  withOwnCadence,
} from '../schema';
import { GROUP_FIELDS, PERSON_FIELDS } from '../sync/fields';

/**
 * The backup file's format, version 1: everything Bridges keeps. Every record is checked field by field
 * before anything is written (strict objects: an unknown key, "__proto__" and "constructor" included, is an
 * error), and text fields have bounds, so a bad file names its problem and changes nothing.
 */
export const BACKUP_FORMAT = 'bridges-backup';
export const BACKUP_VERSION = 1;

/** When a record's fields were last changed (since 0.4, schema version 7), by field. */
const ChangeTime = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LATEST));
const ChangeTimesOf = <T extends readonly string[]>(fields: T) =>
  v.record(v.picklist(fields, 'That is not a field whose change time Bridges keeps.'), ChangeTime);

// A person's own cadence follows the rule every other path follows: the ranking divides by it.
export const PersonSchema = withOwnCadence(
  v.strictObject({
    email: Email,
    displayName: Text(LIMITS.name),
    // Derived from the address, and lower-cased with it.
    domain: v.pipe(Text(LIMITS.domain), v.toLowerCase()),
    organisation: v.nullable(v.pipe(Text(LIMITS.domain), v.toLowerCase())),
    firstMetAt: Instant,
    lastMetAt: Instant,
    interactionCount: Count,
    createdAt: Instant,
    updatedAt: Instant,
    priority: Priority,
    kind: v.nullable(RelationshipKind),
    team: v.boolean(),
    ignored: v.boolean(),
    snoozedUntil: v.nullable(Instant),
    idealDays: v.nullable(v.number()),
    maxDays: v.nullable(v.number()),
    groupId: v.nullable(GroupId),
    teamSuggestionDismissed: v.boolean(),
    note: Text(LIMITS.personNote),
    thanksOwedSince: v.nullable(Instant),
    thanksSettledAt: v.nullable(Instant),
    // Since 0.3 (schema version 6); a backup made before has neither.
    nextMeetingAt: v.optional(v.nullable(Instant), null),
    planningSince: v.optional(v.nullable(Instant), null),
    // Since 0.4 (schema version 7); a backup made before has none.
    changedAt: v.optional(ChangeTimesOf(PERSON_FIELDS)),
  }),
) satisfies v.GenericSchema<unknown, Person>;
// Each schema here has every field of its record type (lib/db/types.ts), and no other: a field added to the type
// does not compile until its schema checks it, so a backup keeps it.
true satisfies SameFields<Person, typeof PersonSchema>;

const AttendeeSchema = v.strictObject({
  email: Email,
  displayName: Text(LIMITS.name),
  response: ResponseSchema,
  organizer: v.boolean(),
  optional: v.boolean(),
}) satisfies v.GenericSchema<unknown, Attendee>;
true satisfies SameFields<Attendee, typeof AttendeeSchema>;

export const InteractionSchema = v.strictObject({
  key: Text(LIMITS.key),
  kind: v.union([v.literal('meeting'), ContactKind]),
  source: v.picklist(['google-calendar', 'manual', 'ics', 'feed']),
  title: Text(LIMITS.title),
  start: Instant,
  end: Instant,
  allDay: v.boolean(),
  people: v.pipe(v.array(Email), v.maxLength(LIMITS.people)),
  attendees: v.pipe(v.array(AttendeeSchema), v.maxLength(LIMITS.people)),
  calendarId: v.nullable(Text(LIMITS.calendarId)),
  loggedAt: Instant,
  note: v.optional(Text(LIMITS.meetingNote)),
}) satisfies v.GenericSchema<unknown, Interaction>;
true satisfies SameFields<Interaction, typeof InteractionSchema>;

export const GroupSchema = v.strictObject({
  id: GroupId,
  name: Text(LIMITS.groupName),
  kind: GroupKind,
  createdAt: Instant,
  changedAt: v.optional(ChangeTimesOf(GROUP_FIELDS)),
}) satisfies v.GenericSchema<unknown, Group>;
true satisfies SameFields<Group, typeof GroupSchema>;

/** The user's settings in a backup: checked exactly as the settings page checks them. */
export const BackupSettingsSchema = UserSettingsSchema;

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
