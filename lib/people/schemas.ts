import * as v from 'valibot';
import { CONTACT_KINDS, PRIORITIES, RELATIONSHIP_KINDS } from '../db/types';

/** What the pages may change about people, validated by the background before anything is written. */
const Days = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)));
const Instant = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));

export const PersonPatchSchema = v.strictObject({
  priority: v.optional(v.picklist(PRIORITIES)),
  kind: v.optional(v.nullable(v.picklist(RELATIONSHIP_KINDS))),
  team: v.optional(v.boolean()),
  ignored: v.optional(v.boolean()),
  snoozedUntil: v.optional(v.nullable(Instant)),
  /** Snooze for a week or a month from now, by the background's clock and calendar. */
  snoozeFor: v.optional(v.picklist(['week', 'month'])),
  idealDays: v.optional(Days),
  maxDays: v.optional(Days),
  groupId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(100)))),
  teamSuggestionDismissed: v.optional(v.boolean()),
  note: v.optional(v.pipe(v.string(), v.maxLength(5000))),
  thanksOwedSince: v.optional(v.nullable(Instant)),
  thanksSettledAt: v.optional(v.nullable(Instant)),
});
export type PersonPatch = v.InferOutput<typeof PersonPatchSchema>;

export const UpdatePeopleSchema = v.object({
  emails: v.pipe(v.array(v.pipe(v.string(), v.maxLength(320))), v.minLength(1), v.maxLength(10_000)),
  patch: PersonPatchSchema,
});

export const ContactSchema = v.object({
  email: v.pipe(v.string(), v.maxLength(320)),
  kind: v.picklist(CONTACT_KINDS),
  at: Instant,
  note: v.optional(v.pipe(v.string(), v.maxLength(5000))),
});
export type ContactInput = v.InferOutput<typeof ContactSchema>;
