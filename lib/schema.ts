import * as v from 'valibot';
import { CALENDAR_SERVICES } from './catchup/settings';
import { CONTACT_KINDS, PRIORITIES, RELATIONSHIP_KINDS } from './db/types';
import { hasInvisible, isEmail, normaliseEmail } from './people/email';
import { cadenceProblem } from './relationships/cadence';

/**
 * The building blocks of every schema at a boundary: the commands the background accepts, the settings, the
 * backup file, the records the background writes. Each rule lives here once, with a message a user can read
 * ("The cadence's maximum must be at least its ideal interval"), so that what one path accepts every other
 * path accepts too, and a backup of what was written can always be restored.
 */

/** The earliest and latest instants Bridges keeps: 1 January 1900 and 1 January 2200, UTC. */
export const EARLIEST = Date.UTC(1900, 0, 1);
export const LATEST = Date.UTC(2200, 0, 1);

/**
 * Two lists of names that must be the same (a type's fields and a list kept of them): `true satisfies
 * SameMembers<A, B>` compiles only when they are. When they differ, the error names what `B` is `missing` and
 * what it has `extra`.
 */
export type SameMembers<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never]
  ? true
  : { missing: Exclude<A, B>; extra: Exclude<B, A> };

/**
 * A record type and the schema that checks it, field for field: `true satisfies SameFields<Person, typeof
 * PersonSchema>` compiles only when the schema gives back every field of the type, the optional ones too, and no
 * other. (Beside `satisfies v.GenericSchema<unknown, Person>`, which holds each field's values to the type's but
 * lets an optional field be missing.) When they differ, the error names the fields: `missing` from the schema,
 * `extra` in it.
 */
export type SameFields<T, S extends v.GenericSchema> = SameMembers<keyof T, keyof v.InferOutput<S>>;

/**
 * What a rule below says of a value that breaks it, by the way it is broken. One left out says valibot's own
 * words, which no person is shown: the command that checked says its own sentence instead (sentenceOf), as it
 * should of what a content script read from Calendar's page rather than what a person typed.
 */
export type Sentences<K extends string> = Partial<Record<K, string>>;

/** A moment in time, in epoch milliseconds, from EARLIEST to LATEST. */
export function InstantSaying(say: Sentences<'number' | 'whole' | 'early' | 'late'>) {
  return v.pipe(
    v.number(say.number),
    v.integer(say.whole),
    v.minValue(EARLIEST, say.early),
    v.maxValue(LATEST, say.late),
  );
}

/** A moment in time, in epoch milliseconds. Meetings from before 1970 exist in old calendars. */
export const Instant = InstantSaying({
  number: 'A time must be a number.',
  whole: 'A time must be a whole number of milliseconds.',
  early: 'A time must be after the year 1900.',
  late: 'A time must be before the year 2200.',
});

/** A count: a whole number, not negative. */
export function CountSaying(say: Sentences<'number' | 'whole' | 'negative'>) {
  return v.pipe(v.number(say.number), v.integer(say.whole), v.minValue(0, say.negative));
}

/** A count of records: a whole number, not negative. */
export const Count = CountSaying({
  number: 'A count must be a number.',
  whole: 'A count must be a whole number.',
  negative: 'A count cannot be negative.',
});

/**
 * A whole number from `min` to `max`, every way of missing it said in one sentence: what a form shows whatever
 * was typed (a typed number that is not one reaches it as NaN).
 */
export function WholeNumber(min: number, max: number, sentence: string) {
  return v.custom<number>((x) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max, sentence);
}

/**
 * An email address as Bridges keys it: trimmed and lower-cased here, at the boundary, so the same person is
 * one record whichever path wrote them; addresses hiding invisible characters are refused. One step rather
 * than a pipe of five: a backup of 50,000 meetings checks some 350,000 addresses.
 */
export const Email = v.pipe(
  v.string('An email address must be text.'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const email = dataset.value.trim().toLowerCase();
    const problem =
      email.length > 254
        ? 'An email address can be at most 254 characters.'
        : hasInvisible(email)
          ? 'An email address cannot contain invisible characters.'
          : isEmail(email)
            ? null
            : `"${email.slice(0, 80)}" is not an email address.`;
    if (problem === null) return email;
    addIssue({ message: problem });
    return NEVER;
  }),
);

/** Text of at most `max` characters. */
export function TextSaying(max: number, say: Sentences<'text' | 'long'>) {
  return v.pipe(v.string(say.text), v.maxLength(max, say.long));
}

/** Text of at most `max` characters, named in the message. */
export function Text(max: number, what = 'This text') {
  return TextSaying(max, {
    text: `${what} must be text.`,
    long: `${what} can be at most ${max.toLocaleString('en')} characters.`,
  });
}

/** The bounds of text Bridges keeps, everywhere it keeps it. */
export const LIMITS = {
  name: 500,
  title: 2000,
  personNote: 5000,
  meetingNote: 10_000,
  groupName: 200,
  id: 100,
  key: 1100,
  calendarId: 320,
  domain: 253,
  /** Own addresses, company domains. */
  listLength: 100,
  /** People in one meeting. */
  people: 5000,
  /** An invitation's title, and the user's name in it. */
  catchUpTitle: 200,
} as const;

/** Cuts `text` to `max` characters, never in the middle of a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A number of days, judged with its pair by the cadence rule below (NaN, from a form, too). */
const DayCount = v.custom<number>((x) => typeof x === 'number', 'Days must be a number.');

/** The cadence rule (cadenceProblem) over a cadence whose two numbers are both set. */
function followsCadenceRule<T extends { idealDays: number | null; maxDays: number | null }>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { idealDays, maxDays } = dataset.value;
    const problem = idealDays === null || maxDays === null ? null : cadenceProblem(idealDays, maxDays);
    if (problem) addIssue({ message: problem });
  });
}

/** A cadence: whole days, ideal at least 1, maximum at least the ideal. */
export const Cadence = v.pipe(
  v.strictObject({ idealDays: DayCount, maxDays: DayCount }, 'A cadence has an ideal interval and a maximum.'),
  followsCadenceRule(),
);

/** What is said of a cadence with one of its two numbers and not the other. */
const BOTH_OR_NEITHER = "Set both the cadence's ideal interval and its maximum, or neither.";

/** A person's own cadence, or none (the default for their priority): both set, or both null. */
export const OwnCadence = v.pipe(
  v.strictObject({ idealDays: v.nullable(DayCount), maxDays: v.nullable(DayCount) }),
  v.check((c) => (c.idealDays === null) === (c.maxDays === null), BOTH_OR_NEITHER),
  followsCadenceRule(),
);

/**
 * `schema`, of a record that carries a person's own cadence, held to its rule (OwnCadence): a person, whose
 * cadence is always there, or a change to one, which sets both numbers or neither (a number left out is not set).
 */
export function withOwnCadence<T extends { idealDays?: number | null; maxDays?: number | null }, I>(
  schema: v.GenericSchema<I, T>,
) {
  return v.pipe(
    schema,
    v.check((record) => 'idealDays' in record === 'maxDays' in record, BOTH_OR_NEITHER),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed || !('idealDays' in dataset.value)) return;
      const { idealDays = null, maxDays = null } = dataset.value;
      const cadence = v.safeParse(OwnCadence, { idealDays, maxDays });
      if (!cadence.success) addIssue({ message: cadence.issues[0].message, path: cadence.issues[0].path });
    }),
  );
}

export const CadenceDefaultsSchema = v.strictObject(
  { high: Cadence, normal: Cadence, low: Cadence },
  'Default cadences are set for high, normal and low priority.',
);

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function isDomain(value: string): boolean {
  return DOMAIN.test(value);
}

/** A mail domain, such as example.com: lower-cased at the boundary. */
export const Domain = v.pipe(
  v.string('A domain must be text.'),
  v.trim(),
  v.toLowerCase(),
  v.check(isDomain, (issue) => `"${String(issue.input).slice(0, 80)}" is not a mail domain such as example.com.`),
);

/** A list of distinct values, at most `max`. */
export function List<T extends v.GenericSchema<unknown, string>>(item: T, max: number, what: string) {
  return v.pipe(
    v.array(item, `${what} must be a list.`),
    v.maxLength(max, `${what}: at most ${max}.`),
    v.transform((values: string[]) => [...new Set(values)]),
  );
}

/** The user's own addresses, and their company's domains: settings the popup's first paint reads, with the cadences. */
export const MyEmailsSetting = List(Email, LIMITS.listLength, 'Your own addresses');
export const InternalDomainsSetting = List(Domain, LIMITS.listLength, "Your company's domains");

export const Priority = v.picklist(PRIORITIES, 'A priority is high, normal or low.');
export const RelationshipKind = v.picklist(RELATIONSHIP_KINDS, 'That is not a kind of relationship Bridges knows.');
export const ContactKind = v.picklist(CONTACT_KINDS, 'A contact is a call, coffee, chat, message or other.');
export const GroupKind = v.picklist(['department', 'organisation'], 'A group is a department or an organisation.');
export const ResponseSchema = v.picklist(
  ['accepted', 'declined', 'tentative', 'needsAction'],
  'A response is accepted, declined, tentative or needs action.',
);
export const GroupId = Text(LIMITS.id, 'A group id');

/** The id of an upload of parts (lib/commands/uploads.ts), as the page names it back. */
export const UploadId = v.pipe(v.string(), v.maxLength(100));

/** The meeting rules a user sets. */
export const MeetingRulesSchema = v.strictObject({
  guestLimit: WholeNumber(1, 1000, 'The guest limit must be a whole number from 1 to 1000.'),
});

export const ReminderSettingsSchema = v.strictObject({
  day: WholeNumber(0, 6, 'Choose a day of the week.'),
  hour: WholeNumber(0, 23, 'Choose an hour from 00:00 to 23:00.'),
  counts: v.picklist(['red', 'red-amber'], 'The reminder counts red, or red and amber.'),
  highOnly: v.boolean(),
  notifications: v.boolean(),
});

/** How "Plan a catch-up" fills in an invitation: the calendar, its length, its title, the user's own name. */
export const CatchUpSettingsSchema = v.strictObject({
  calendar: v.picklist(CALENDAR_SERVICES, 'Choose Google Calendar or Outlook.'),
  minutes: WholeNumber(5, 480, 'A catch-up lasts a whole number of minutes, from 5 to 480.'),
  title: v.pipe(
    Text(LIMITS.catchUpTitle, "The invitation's title"),
    v.trim(),
    v.nonEmpty('Give the invitation a title, such as "Catch-up: {their name}".'),
  ),
  myName: v.pipe(Text(LIMITS.catchUpTitle, 'Your name'), v.trim()),
});

/** "Before you meet" (lib/prep/): shown in Calendar's card or not, folded to one line or not. */
export const PrepPanelSchema = v.boolean('Whether "Before you meet" is shown is yes or no.');
export const PrepCollapsedSchema = v.boolean('Whether "Before you meet" is folded is yes or no.');

/**
 * The settings a user sets, all optional: what the settings page saves and what a backup carries, checked by
 * one schema.
 */
export const UserSettingsSchema = v.strictObject({
  meetingRules: v.optional(MeetingRulesSchema),
  myEmails: v.optional(MyEmailsSetting),
  internalDomains: v.optional(InternalDomainsSetting),
  cadenceDefaults: v.optional(CadenceDefaultsSchema),
  reminders: v.optional(ReminderSettingsSchema),
  catchUp: v.optional(CatchUpSettingsSchema),
  prepPanel: v.optional(PrepPanelSchema),
  prepCollapsed: v.optional(PrepCollapsedSchema),
});
export type UserSettings = v.InferOutput<typeof UserSettingsSchema>;

/**
 * The first problem valibot found, as a sentence for a person. Our own messages are sentences already; a
 * message valibot wrote itself ("Invalid type: Expected string but received 3") means a request no page of
 * Bridges would send, so it is not shown raw.
 */
export function sentenceOf(issues: readonly v.BaseIssue<unknown>[] | undefined, fallback: string): string {
  const issue = issues?.[0];
  if (!issue) return fallback;
  if (/^Invalid [a-z ]+:/i.test(issue.message)) return fallback;
  return issue.message;
}

export { hasInvisible, normaliseEmail };
