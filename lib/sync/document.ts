import { PERSON_DEFAULTS } from '../db/app-db';
import type { ContactKind, Group, Interaction, Person, SettingRow, Tombstone } from '../db/types';
import { GROUP_FIELDS, PERSON_FIELDS, type PersonField, personValue } from './fields';

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

/** What this browser holds that may travel. */
export interface LocalSnapshot {
  people: readonly Person[];
  groups: readonly Group[];
  /** The rows of the settings a user sets. */
  settings: readonly SettingRow[];
  /** Contacts logged by hand. */
  contacts: readonly Interaction[];
  tombstones: readonly Tombstone[];
}

/** A record of a kind, its key, and why it ranks where it does. */
export interface Ranked<K extends Kind = Kind> {
  kind: K;
  key: string;
  record: KindRecords[K];
  /** The person it is about (for saying what was left on this browser only). */
  email?: string;
}

/** The synced document: the core, and every other record in the order they matter. */
export interface SyncDocument {
  core: CoreRecord;
  ranked: Ranked[];
}

const PRIORITY_RANK = { high: 0, normal: 1, low: 2 } as const;

function latest(times: Person['changedAt']): number {
  let at = 0;
  for (const t of Object.values(times ?? {})) if (t !== undefined && t > at) at = t;
  return at;
}

function isDefault(person: Person, field: PersonField): boolean {
  if (field === 'cadence') return person.idealDays === null && person.maxDays === null;
  return person[field] === PERSON_DEFAULTS[field];
}

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

/** The document of `local`, its records ranked: tombstones, decisions, contacts, notes, then digests alone. */
export function buildDocument(local: LocalSnapshot): SyncDocument {
  const settings: Record<string, Stamped> = {};
  for (const row of [...local.settings].sort((a, b) => a.name.localeCompare(b.name))) {
    settings[row.name] = [row.value, toSeconds(row.changedAt ?? 0)];
  }
  const groups = [...local.groups]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((g) => {
      const record = { i: g.id, c: toSeconds(g.createdAt) } as GroupRecord;
      for (const field of GROUP_FIELDS)
        (record as unknown as Record<string, Stamped>)[field] = [g[field], toSeconds(g.changedAt?.[field] ?? 0)];
      return record;
    });

  const tombstones: Ranked<'t'>[] = [...local.tombstones]
    .sort((a, b) => b.at - a.at || a.key.localeCompare(b.key))
    .map((t) => ({
      kind: 't',
      key: t.key,
      record: { k: t.key, a: toSeconds(t.at), ...(t.into ? { i: t.into } : {}) },
    }));

  const decided: Array<Ranked<'d'> & { rank: [number, number] }> = [];
  const notes: Array<Ranked<'n'> & { rank: [number, number] }> = [];
  const digests: Array<Ranked<'p'> & { last: number }> = [];
  for (const person of local.people) {
    const fields = decidedFields(person);
    const rank: [number, number] = [PRIORITY_RANK[person.priority], -latest(person.changedAt)];
    const noteAt = person.changedAt?.note;
    const hasNote = person.note !== '' || noteAt !== undefined;
    if (hasNote) {
      notes.push({
        kind: 'n',
        key: person.email,
        email: person.email,
        record: { e: person.email, t: [person.note, toSeconds(noteAt ?? 0)] },
        rank,
      });
    }
    if (Object.keys(fields).length > 0 || hasNote) {
      // A person with only a note still needs their digest where the note arrives.
      decided.push({
        kind: 'd',
        key: person.email,
        email: person.email,
        record: { ...digestOf(person), s: fields },
        rank,
      });
    } else {
      digests.push({
        kind: 'p',
        key: person.email,
        email: person.email,
        record: digestOf(person),
        last: person.lastMetAt,
      });
    }
  }
  const byRank = (a: { rank: [number, number]; key: string }, b: { rank: [number, number]; key: string }) =>
    a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.key.localeCompare(b.key);
  decided.sort(byRank);
  notes.sort(byRank);
  digests.sort((a, b) => b.last - a.last || a.key.localeCompare(b.key));

  const contacts: Ranked<'c'>[] = local.contacts
    .filter((i) => i.source === 'manual' && i.kind !== 'meeting' && i.people.length > 0)
    .sort((a, b) => b.start - a.start || contactId(a.key).localeCompare(contactId(b.key)))
    .map((i) => ({
      kind: 'c',
      // Its id, not its key: the browser that logged it keys it by the whole random id, the others by the id.
      key: contactId(i.key),
      email: i.people[0],
      record: {
        k: contactId(i.key),
        e: i.people[0] as string,
        y: i.kind as ContactKind,
        a: toSeconds(i.start),
        ...(i.note ? { t: i.note } : {}),
      },
    }));

  const strip = <T extends Ranked & { rank?: unknown; last?: unknown }>({ rank: _r, last: _l, ...rest }: T): Ranked =>
    rest as unknown as Ranked;
  return {
    core: { s: settings, g: groups },
    ranked: [...tombstones, ...decided.map(strip), ...contacts, ...notes.map(strip), ...digests.map(strip)],
  };
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

/**
 * The sections' texts for the core and the first `count` ranked records: each section's records in the order of
 * their keys, so the same records always make the same text (and the same hash: unchanged sections are not
 * written again).
 */
export function sectionTexts(document: SyncDocument, count: number): Map<string, string> {
  const members = new Map<string, Array<{ key: string; record: unknown }>>();
  for (const entry of document.ranked.slice(0, count)) {
    const name = sectionOf(entry.kind, entry.key);
    const list = members.get(name) ?? [];
    list.push({ key: entry.key, record: entry.record });
    members.set(name, list);
  }
  const texts = new Map<string, string>([[CORE, JSON.stringify(document.core)]]);
  for (const name of SECTION_NAMES) {
    const list = members.get(name);
    if (!list) continue;
    list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    texts.set(name, JSON.stringify({ r: list.map((m) => m.record) }));
  }
  return texts;
}
