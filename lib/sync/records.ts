import * as v from 'valibot';
import { cadenceProblem } from '../relationships/cadence';
import {
  ContactKind,
  EARLIEST,
  Email,
  GroupId,
  GroupKind,
  Instant,
  LATEST,
  LIMITS,
  Priority,
  RelationshipKind,
  Text,
} from '../schema';
import type {
  ContactRecord,
  CoreRecord,
  DecidedRecord,
  DigestRecord,
  GroupRecord,
  Kind,
  NoteRecord,
  Stamped,
  TombstoneRecord,
} from './document';
import { PERSON_FIELDS, type PersonField } from './fields';

/**
 * The records another browser wrote, checked before anything is merged: every value by the rule every other path
 * follows (lib/schema.ts). One bad record is left out, never the section; a field this release does not know (a
 * later release's) is passed over, so an older browser keeps syncing what it knows.
 */

const Seconds = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Math.floor(LATEST / 1000)));
const Minutes = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(Math.floor(EARLIEST / 60_000)),
  v.maxValue(Math.floor(LATEST / 60_000)),
);
const InstantSeconds = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(Math.floor(EARLIEST / 1000)),
  v.maxValue(Math.floor(LATEST / 1000)),
);

const CadenceValue = v.nullable(
  v.pipe(
    // The cadence rule judges both numbers (whole days, in range, the maximum at least the ideal).
    v.tuple([v.number(), v.number()]),
    v.check(([ideal, max]) => cadenceProblem(ideal, max) === null),
  ),
);

/** The rule of each synced field's value. */
export const FIELD_VALUES: Record<PersonField, v.GenericSchema> = {
  priority: Priority,
  kind: v.nullable(RelationshipKind),
  cadence: CadenceValue,
  groupId: v.nullable(GroupId),
  team: v.boolean(),
  ignored: v.boolean(),
  snoozedUntil: v.nullable(Instant),
  thanksOwedSince: v.nullable(Instant),
  thanksSettledAt: v.nullable(Instant),
  note: Text(LIMITS.personNote),
  teamSuggestionDismissed: v.boolean(),
  planningSince: v.nullable(Instant),
};

const StampedOf = (value: v.GenericSchema) => v.tuple([value, Seconds]);

const DigestSchema = v.object({
  e: Email,
  n: v.optional(Text(LIMITS.name)),
  f: Minutes,
  l: Minutes,
  c: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const TombstoneSchema = v.object({
  k: v.pipe(v.string(), v.maxLength(LIMITS.key), v.regex(/^(person|group):/)),
  a: Seconds,
  i: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.key))),
});

const ContactSchema = v.object({
  k: v.pipe(v.string(), v.regex(/^[\w-]{1,40}$/)),
  e: Email,
  y: ContactKind,
  a: InstantSeconds,
  t: v.optional(Text(LIMITS.meetingNote)),
});

const NoteSchema = v.object({ e: Email, t: StampedOf(FIELD_VALUES.note) });

const GroupSchema = v.object({
  i: GroupId,
  c: Seconds,
  name: StampedOf(Text(LIMITS.groupName)),
  kind: StampedOf(GroupKind),
});

/** A decided person: the digest checked whole; each field on its own (a bad one is passed over). */
function checkDecided(raw: unknown): DecidedRecord | null {
  const digest = v.safeParse(DigestSchema, raw);
  if (!digest.success) return null;
  const fields = (raw as { s?: unknown }).s;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
  const s: DecidedRecord['s'] = {};
  for (const field of PERSON_FIELDS) {
    if (!Object.hasOwn(fields, field)) continue;
    const checked = v.safeParse(StampedOf(FIELD_VALUES[field]), (fields as Record<string, unknown>)[field]);
    if (checked.success) s[field] = checked.output as Stamped;
  }
  return { ...digest.output, s };
}

const CHECKS: { [K in Kind]: (raw: unknown) => unknown } = {
  t: (raw) => parsed(TombstoneSchema, raw),
  d: checkDecided,
  c: (raw) => parsed(ContactSchema, raw),
  n: (raw) => parsed(NoteSchema, raw),
  p: (raw) => parsed(DigestSchema, raw),
};

function parsed<S extends v.GenericSchema>(schema: S, raw: unknown): v.InferOutput<S> | null {
  const result = v.safeParse(schema, raw);
  return result.success ? result.output : null;
}

/** What another browser wrote, checked: the core (or null), and each kind's records. */
export interface RemoteRecords {
  core: CoreRecord | null;
  t: TombstoneRecord[];
  d: DecidedRecord[];
  c: ContactRecord[];
  n: NoteRecord[];
  p: DigestRecord[];
  /** Records left out because they did not pass their check. */
  refused: number;
}

export function emptyRemote(): RemoteRecords {
  return { core: null, t: [], d: [], c: [], n: [], p: [], refused: 0 };
}

/** Adds a section's text of `kind` to `into`, record by record. Returns false when the text is not a section. */
export function addSection(into: RemoteRecords, kind: Kind, text: string): boolean {
  let parsedText: unknown;
  try {
    parsedText = JSON.parse(text);
  } catch {
    return false;
  }
  const records = (parsedText as { r?: unknown })?.r;
  if (!Array.isArray(records)) return false;
  for (const raw of records) {
    const record = CHECKS[kind](raw);
    if (record === null) into.refused++;
    else (into[kind] as unknown[]).push(record);
  }
  return true;
}

/** Adds the core's text to `into`: each setting as it is (checked when merged, by its own schema), each group checked. */
export function addCore(into: RemoteRecords, text: string): boolean {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return false;
  }
  const core = raw as { s?: unknown; g?: unknown };
  if (typeof core?.s !== 'object' || core.s === null || !Array.isArray(core.g)) return false;
  const settings: Record<string, Stamped> = {};
  for (const [name, value] of Object.entries(core.s)) {
    const checked = v.safeParse(StampedOf(v.unknown()), value);
    if (checked.success) settings[name] = checked.output as Stamped;
    else into.refused++;
  }
  const groups: GroupRecord[] = [];
  for (const g of core.g) {
    const checked = parsed(GroupSchema, g);
    if (checked) groups.push(checked as GroupRecord);
    else into.refused++;
  }
  into.core = { s: settings, g: groups };
  return true;
}
