import * as v from 'valibot';
import {
  ContactKind,
  Email,
  GroupId,
  Instant,
  LIMITS,
  Priority,
  RelationshipKind,
  Text,
  withOwnCadence,
} from '../schema';

/**
 * What the pages may ask the background to change about people, checked by the commands that take them
 * (lib/commands/update-people.ts, log-contact.ts) and typed for the pages that send them.
 */

/** What the pages may change about people. A cadence is set whole (ideal and maximum) or cleared whole. */
export const PersonPatchSchema = withOwnCadence(
  v.strictObject({
    priority: v.optional(Priority),
    kind: v.optional(v.nullable(RelationshipKind)),
    team: v.optional(v.boolean()),
    ignored: v.optional(v.boolean()),
    snoozedUntil: v.optional(v.nullable(Instant)),
    /** Snooze for a week or a month from now, by the background's clock and calendar. */
    snoozeFor: v.optional(v.picklist(['week', 'month'])),
    idealDays: v.optional(v.nullable(v.number())),
    maxDays: v.optional(v.nullable(v.number())),
    groupId: v.optional(v.nullable(GroupId)),
    teamSuggestionDismissed: v.optional(v.boolean()),
    note: v.optional(Text(LIMITS.personNote, 'A note about a person')),
    thanksOwedSince: v.optional(v.nullable(Instant)),
    thanksSettledAt: v.optional(v.nullable(Instant)),
    /** "Plan a catch-up" was clicked: a catch-up is being planned from now, by the background's clock. */
    planCatchUp: v.optional(v.literal(true)),
    /** When a catch-up began to be planned: null when the user is not planning one (or to put back an undone mark). */
    planningSince: v.optional(v.nullable(Instant)),
  }),
);
export type PersonPatch = v.InferInput<typeof PersonPatchSchema>;

/** A contact logged by hand: a call, coffee, chat or message with someone, dated when it happened. */
export const ContactSchema = v.strictObject({
  email: Email,
  kind: ContactKind,
  at: Instant,
  note: v.optional(Text(LIMITS.meetingNote, 'A note')),
});
export type ContactInput = v.InferInput<typeof ContactSchema>;
