import * as v from 'valibot';
import { updatePeople as update } from '../people/service';
import { Email, GroupId, Instant, LIMITS, OwnCadence, Priority, RelationshipKind, Text } from '../schema';
import { command } from './command';

/** What the pages may change about people. A cadence is set whole (ideal and maximum) or cleared whole. */
export const PersonPatchSchema = v.pipe(
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
  }),
  v.check(
    (p) => 'idealDays' in p === 'maxDays' in p,
    "Set both the cadence's ideal interval and its maximum, or neither.",
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed || !('idealDays' in dataset.value)) return;
    const cadence = v.safeParse(OwnCadence, {
      idealDays: dataset.value.idealDays ?? null,
      maxDays: dataset.value.maxDays ?? null,
    });
    if (!cadence.success) addIssue({ message: cadence.issues[0].message });
  }),
);
export type PersonPatch = v.InferInput<typeof PersonPatchSchema>;

/** Change people: priority, kind, cadence, team, ignore, snooze, group, note, thanks. */
export const updatePeople = command({
  from: ['page'],
  input: v.strictObject({
    emails: v.pipe(v.array(Email), v.minLength(1, 'Choose someone to change.'), v.maxLength(100_000)),
    patch: PersonPatchSchema,
  }),
  writes: true,
  run: async (db, { emails, patch }, ctx) => ({ updated: await update(db, emails, patch, ctx.now) }),
});
