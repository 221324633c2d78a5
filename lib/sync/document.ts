import {
  type ContactKind,
  type Group,
  type Interaction,
  type Person,
  priorityRank,
  type SettingRow,
  type Tombstone,
} from '../db/types';
import { GROUP_FIELDS, isDefault, lastChange, PERSON_FIELDS, type PersonField, personValue } from './fields';

/**
 * What travels to the user's other browsers, as records (the synced document), and how the records are split into
 * sections: the unit that is compressed, encrypted and written (lib/sync/store.ts). Pure functions of what this
 * browser holds.
 *
 * Records are small objects with short keys (deflate makes repeated keys nearly free). Times are what they need to
 * be and no finer, because digits are most of what does not compress: change times in whole seconds (the merge
 * compares them at that grain, lib/sync/merge.ts), first and last met in whole minutes (meetings start on the
 * minute), a contact's time in seconds.
 */

/** A change time as it travels: whole seconds. */
export const toSeconds = (ms: number) => Math.floor(ms / 1000);
/** First and last met as they travel: whole minutes. */
export const toMinutes = (ms: number) => Math.floor(ms / 60_000);

/** A field's value and when it was changed. */
export type Stamped<T = unknown> = [T, number];

/** What the popup needs of a person without their meetings: first and last met, how often, the name shown. */
export interface DigestRecord {
  /** The address (normalised). */
  e: string;
  /** The name Calendar showed, when it is not the address itself. */
  n?: string;
  f: number;
  l: number;
  c: number;
}

/** A person with something the user decided: their digest and each decided field (not the note). */
export interface DecidedRecord extends DigestRecord {
  s: Partial<Record<PersonField, Stamped>>;
}

/** A person's note: the user's own words, apart so that decisions go first when not everything fits. */
export interface NoteRecord {
  e: string;
  t: Stamped<string>;
}

/** A contact logged by hand (call, coffee, chat, message, other) with one person. */
export interface ContactRecord {
  /** The contact's id: the first 12 characters of its key's random part (48 bits: a clash in a lifetime of contacts is one in millions). */
  k: string;
  e: string;
  y: ContactKind;
  /** When it happened (seconds). */
  a: number;
  t?: string;
}

/** Something deleted: "person:<email>" or "group:<id>", when, and for two people made one, whom they became. */
export interface TombstoneRecord {
  k: string;
  a: number;
  i?: string;
}

export interface GroupRecord {
  i: string;
  c: number;
  name: Stamped<string>;
  kind: Stamped<Group['kind']>;
}

/** The settings a user sets, each with when it was changed, and the groups. */
export interface CoreRecord {
  s: Record<string, Stamped>;
  g: GroupRecord[];
}

/** The kinds of section, in the order they matter when not everything fits. */
export const KINDS = ['t', 'd', 'c', 'n', 'p'] as const;
export type Kind = (typeof KINDS)[number];
export interface KindRecords {
  t: TombstoneRecord;
  d: DecidedRecord;
  c: ContactRecord;
  n: NoteRecord;
  p: DigestRecord;
}

/**
 * Sections per kind. A record's section is a hash of its key, so a change to one person rewrites one section
 * (8 KB or so at a heavy user's size), and a record never moves. Fewer, larger sections compress better (a heavy
 * user's decisions and notes take 10% less in 4 sections than in 8); more make a change cheaper to write.
 */
export const BUCKETS: Record<Kind, number> = { t: 2, d: 4, c: 2, n: 4, p: 4 };

/** A record of a kind, its key, and why it ranks where it does. */
export interface Ranked<K extends Kind = Kind> {
  kind: K;
  key: string;
  record: KindRecords[K];
  /** The person it is about (for saying what was left on this browser only). */
  email?: string;
}

/**
 * A ranked record ready to be written: its JSON, its section, and where it ranks (kind first, then within the kind).
 * Made once per record and kept while the record does not change (lib/sync/engine.ts).
 */
export interface Entry<K extends Kind = Kind> extends Ranked<K> {
  json: string;
  section: string;
  order: readonly [number, number, number];
}

/** The synced document: the core, and every other record in the order they matter. */
export interface SyncDocument {
  core: CoreRecord;
  ranked: Entry[];
}

/**
 * Text in the order of its code units: the same on every browser whatever its language (localeCompare is not, and
 * two browsers ordering records differently would write different sections forever), and fast.
 */
export const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function digestOf(person: Person): DigestRecord {
  return {
    e: person.email,
    ...(person.displayName !== person.email ? { n: person.displayName } : {}),
    f: toMinutes(person.firstMetAt),
    l: toMinutes(person.lastMetAt),
    c: person.interactionCount,
  };
}

/**
 * The decided fields of `person` (not the note): those changed at some time, and those set without a time (a
 * backup from before change times), which travel as changed at time 0, so that any dated change wins over them.
 */
export function decidedFields(person: Person): Partial<Record<PersonField, Stamped>> {
  const fields: Partial<Record<PersonField, Stamped>> = {};
  for (const field of PERSON_FIELDS) {
    if (field === 'note') continue;
    const at = person.changedAt?.[field];
    if (at === undefined && isDefault(person, field)) continue;
    fields[field] = [personValue(person, field), toSeconds(at ?? 0)];
  }
  return fields;
}

const TIER: Record<Kind, number> = { t: 0, d: 1, c: 2, n: 3, p: 4 };

function entry<K extends Kind>(kind: K, key: string, record: KindRecords[K], rank: [number, number], email?: string) {
  return {
    kind,
    key,
    record,
    ...(email !== undefined ? { email } : {}),
    json: JSON.stringify(record),
    section: sectionOf(kind, key),
    order: [TIER[kind], rank[0], rank[1]] as const,
  } satisfies Entry<K> as Entry;
}

/**
 * A person's entries: their decisions with their digest (a person with only a note too: the note needs the digest
 * where it arrives) and their note apart; or, when they have neither, their digest alone. Decisions and notes rank
 * by priority (high first), then the latest change first; digests alone by the last meeting, latest first.
 */
export function entriesOfPerson(person: Person): Entry[] {
  const fields = decidedFields(person);
  const rank: [number, number] = [priorityRank(person.priority), -lastChange(person.changedAt)];
  const noteAt = person.changedAt?.note;
  const hasNote = person.note !== '' || noteAt !== undefined;
  if (Object.keys(fields).length === 0 && !hasNote) {
    return [entry('p', person.email, digestOf(person), [-person.lastMetAt, 0], person.email)];
  }
  const out = [entry('d', person.email, { ...digestOf(person), s: fields }, rank, person.email)];
  if (hasNote)
    out.push(
      entry('n', person.email, { e: person.email, t: [person.note, toSeconds(noteAt ?? 0)] }, rank, person.email),
    );
  return out;
}

/** A hand-logged contact's entry (newest first), or null for anything else. */
export function entryOfContact(i: Interaction): Entry | null {
  const email = i.people[0];
  if (i.source !== 'manual' || i.kind === 'meeting' || email === undefined) return null;
  // Its id, not its key: the browser that logged it keys it by the whole random id, the others by the id.
  const id = contactId(i.key);
  const record: ContactRecord = { k: id, e: email, y: i.kind, a: toSeconds(i.start), ...(i.note ? { t: i.note } : {}) };
  return entry('c', id, record, [-i.start, 0], email);
}

/** A deletion's entry (newest first). */
export function entryOfTombstone(t: Tombstone): Entry {
  return entry('t', t.key, { k: t.key, a: toSeconds(t.at), ...(t.into ? { i: t.into } : {}) }, [-t.at, 0]);
}

/** The settings a user sets, each with its change time, and the groups. */
export function coreOf(groups: readonly Group[], settings: readonly SettingRow[]): CoreRecord {
  const s: Record<string, Stamped> = {};
  for (const row of [...settings].sort((a, b) => byCode(a.name, b.name))) {
    s[row.name] = [row.value, toSeconds(row.changedAt ?? 0)];
  }
  const g = [...groups]
    .sort((a, b) => byCode(a.id, b.id))
    .map((group) => {
      const record = { i: group.id, c: toSeconds(group.createdAt) } as GroupRecord;
      for (const field of GROUP_FIELDS) {
        (record as unknown as Record<string, Stamped>)[field] = [
          group[field],
          toSeconds(group.changedAt?.[field] ?? 0),
        ];
      }
      return record;
    });
  return { s, g };
}

/** Entries in the order they matter: deletions, decisions, contacts, notes, then digests alone. */
export function rankEntries(entries: Iterable<Entry>): Entry[] {
  return [...entries].sort(
    (a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2] || byCode(a.key, b.key),
  );
}

/**
 * A hand-logged contact's id as it travels: the first 12 characters of the random part of its key. Another browser
 * keys the contact "manual:<id>", whose id is the same.
 */
export function contactId(key: string): string {
  return key.replace(/^manual:/, '').slice(0, 12);
}

/** FNV-1a of `text`: where a record's section is. Stable across browsers and releases. */
export function bucketOf(text: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/** The name of the section a record of `kind` with `key` is in: "d3". The core's is "core". */
export function sectionOf(kind: Kind, key: string): string {
  return `${kind}${bucketOf(key, BUCKETS[kind])}`;
}

export const CORE = 'core';

/** Every section's name, the core first. */
export const SECTION_NAMES: readonly string[] = [
  CORE,
  ...KINDS.flatMap((kind) => Array.from({ length: BUCKETS[kind] }, (_, i) => `${kind}${i}`)),
];

/** The kind of a section's name, or null for the core or a name this release does not know. */
export function kindOfSection(name: string): Kind | null {
  const kind = name[0] as Kind;
  return name !== CORE && (KINDS as readonly string[]).includes(kind) && /^\d+$/.test(name.slice(1)) ? kind : null;
}
