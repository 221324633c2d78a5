import { type AppDB, PERSON_DEFAULTS } from '../db/app-db';
import { CONTACT_LABELS, type Group, type Interaction, type Person, type Tombstone } from '../db/types';
import { domainOf, organisationOf } from '../people/email';
import { absorbPerson, erasePerson } from '../people/removal';
import { Refusal } from '../refusal';
import { joinSpans, type MeetingSpan, metFields, spanOfPerson } from '../relationships/meeting-span';
import { setSetting, USER_SETTING_NAMES } from '../settings';
import { checkSetting } from '../settings-checks';
import type { Settings } from '../settings-schema';
import { contactId, type DigestRecord, type Stamped, toSeconds } from './document';
import {
  GROUP_FIELDS,
  groupTombstone,
  isDefault,
  lastChange,
  PERSON_FIELDS,
  type PersonField,
  personFields,
  personTombstone,
  personValue,
} from './fields';
import { TOMBSTONE_MS } from './limits';
import type { RemoteRecords } from './records';

/**
 * Merges what another browser wrote into this browser's records, in one transaction, the same way on every browser
 * so that they all end up alike:
 * - each of the user's fields: the later change wins (change times compared in whole seconds, as they travel; at the
 *   same second, the larger value, so both browsers pick the same one);
 * - first met: the earlier; last met: the later; how many meetings: the larger; the name Calendar showed: a name
 *   over an address;
 * - a person, group or contact this browser lacks is added (a person from their digest, so the popup is right
 *   without the meetings);
 * - something deleted on another browser is deleted here, unless it was changed or first met here after that
 *   (two people made one are made one here too);
 * - two groups of the same name are one (the one whose id sorts first).
 * Only rows that change are written.
 */

export interface MergeSummary {
  peopleAdded: number;
  peopleChanged: number;
  peopleDeleted: number;
  contactsAdded: number;
  groupsChanged: number;
  settingsChanged: number;
}

/** Whether a remote field's value and time win over this browser's. */
function remoteWins(
  remote: Stamped,
  localValue: unknown,
  localAt: number | undefined,
  localIsDefault: boolean,
): boolean {
  // A field never set here loses to any set there; one set here before change times were kept counts as time 0.
  const local = localAt === undefined ? (localIsDefault ? -1 : 0) : toSeconds(localAt);
  if (remote[1] !== local) return remote[1] > local;
  const [a, b] = [JSON.stringify(remote[0]), JSON.stringify(localValue)];
  return a > b;
}

/** The span of someone's meetings that another browser's digest of them says (its times are in minutes). */
function spanOfDigest(digest: DigestRecord): MeetingSpan {
  return { first: digest.f * 60_000, last: digest.l * 60_000, count: digest.c };
}

/** The name to keep of two: a name over a bare address, and of two names the same one on every browser. */
function betterName(email: string, here: string, there: string | undefined): string {
  if (there === undefined || there === here) return here;
  if (here === email) return there;
  return there > here ? there : here;
}

export async function mergeRemote(db: AppDB, remote: RemoteRecords, now: number): Promise<MergeSummary> {
  const summary: MergeSummary = {
    peopleAdded: 0,
    peopleChanged: 0,
    peopleDeleted: 0,
    contactsAdded: 0,
    groupsChanged: 0,
    settingsChanged: 0,
  };
  await db.transaction('rw', [db.people, db.interactions, db.groups, db.settings, db.tombstones], async () => {
    // What was deleted: this browser's and theirs, the later of each, for as long as they are kept.
    const tombstones = new Map<string, Tombstone>();
    for (const t of await db.tombstones.toArray()) tombstones.set(t.key, t);
    const fresh: Tombstone[] = [];
    for (const t of remote.t) {
      const at = t.a * 1000;
      const mine = tombstones.get(t.k);
      if (mine && mine.at >= at) continue;
      const row: Tombstone = { key: t.k, at, ...(t.i ? { into: t.i } : {}) };
      tombstones.set(t.k, row);
      fresh.push(row);
    }
    const expired = [...tombstones.values()].filter((t) => t.at < now - TOMBSTONE_MS).map((t) => t.key);
    for (const key of expired) tombstones.delete(key);
    if (fresh.length > 0) await db.tombstones.bulkPut(fresh.filter((t) => tombstones.has(t.key)));
    if (expired.length > 0) await db.tombstones.bulkDelete(expired);
    /** Deleted at (seconds) or -1. */
    const deletedAt = (key: string) => {
      const t = tombstones.get(key);
      return t ? toSeconds(t.at) : -1;
    };

    // Groups, then two of the same name made one.
    if (remote.core) {
      const groups = new Map((await db.groups.toArray()).map((g) => [g.id, g]));
      const changed: Group[] = [];
      for (const rg of remote.core.g) {
        if (deletedAt(groupTombstone(rg.i)) >= Math.max(rg.name[1], rg.kind[1])) continue;
        const here = groups.get(rg.i);
        let next: Group = here ?? {
          id: rg.i,
          name: rg.name[0],
          kind: rg.kind[0],
          createdAt: rg.c * 1000,
          changedAt: { name: rg.name[1] * 1000, kind: rg.kind[1] * 1000 },
        };
        if (here) {
          for (const field of GROUP_FIELDS) {
            const theirs = rg[field] as Stamped;
            if (remoteWins(theirs, here[field], here.changedAt?.[field], false)) {
              next = { ...next, [field]: theirs[0], changedAt: { ...next.changedAt, [field]: theirs[1] * 1000 } };
            }
          }
          if (next === here) continue;
        }
        groups.set(next.id, next);
        changed.push(next);
      }
      if (changed.length > 0) await db.groups.bulkPut(changed);
      summary.groupsChanged += changed.length;
      const byName = new Map<string, Group[]>();
      for (const g of groups.values()) {
        const key = g.name.toLowerCase();
        byName.set(key, [...(byName.get(key) ?? []), g]);
      }
      for (const same of byName.values()) {
        if (same.length < 2) continue;
        same.sort((a, b) => (a.id < b.id ? -1 : 1));
        const [kept, ...others] = same as [Group, ...Group[]];
        for (const other of others) {
          const row: Tombstone = { key: groupTombstone(other.id), at: now, into: kept.id };
          tombstones.set(row.key, row);
          await db.tombstones.put(row);
        }
      }

      // The settings a user sets, each the later change.
      for (const name of USER_SETTING_NAMES) {
        const theirs = remote.core.s[name];
        if (!theirs) continue;
        const checked = checkSetting(name, theirs[0]);
        if (!checked.ok) continue;
        const row = await db.settings.get(name);
        const hereAt = row ? toSeconds(row.changedAt ?? 0) : -1;
        const wins =
          theirs[1] !== hereAt
            ? theirs[1] > hereAt
            : JSON.stringify(checked.value) > JSON.stringify(row?.value ?? null);
        if (!wins) continue;
        await setSetting(db, name, checked.value as Settings[typeof name], theirs[1] * 1000);
        summary.settingsChanged++;
      }
    }

    // A group another browser deleted or made one with another: where its people are now.
    const groupIds = new Set(await db.groups.toCollection().primaryKeys());
    const groupNow = (id: string | null): string | null => {
      let at: string | null = id;
      for (let hops = 0; at !== null && hops < 5; hops++) {
        const t = tombstones.get(groupTombstone(at));
        if (!t) break;
        at = t.into ?? null;
      }
      return at !== null && (groupIds.has(at) || !tombstones.has(groupTombstone(at))) ? at : null;
    };

    // People: their fields, notes and digests.
    const digests = new Map<string, DigestRecord>();
    for (const d of [...remote.p, ...remote.d]) digests.set(d.e, d);
    const fields = new Map<string, Partial<Record<PersonField, Stamped>>>();
    for (const d of remote.d) fields.set(d.e, { ...d.s });
    for (const n of remote.n) fields.set(n.e, { ...fields.get(n.e), note: n.t });
    const emails = [...new Set([...digests.keys(), ...fields.keys()])];
    const here = await db.people.bulkGet(emails);
    const people = new Map<string, Person>();
    // Each person is written once, whatever changed them: their fields, their digest, contacts logged elsewhere.
    const writes = new Map<string, Person>();
    emails.forEach((email, i) => {
      const theirs = fields.get(email) ?? {};
      const latest = Math.max(0, ...Object.values(theirs).map((s) => s?.[1] ?? 0));
      const digest = digests.get(email);
      let person = here[i];
      if (!person) {
        // Deleted here (or elsewhere) after their last change there: not brought back.
        if (!digest || deletedAt(personTombstone(email)) >= latest) return;
        const span = spanOfDigest(digest);
        person = {
          email,
          displayName: digest.n ?? email,
          domain: domainOf(email),
          organisation: organisationOf(email),
          ...metFields(span),
          // Known since they were first met, as far as a deletion elsewhere is concerned.
          createdAt: Math.min(span.first, now),
          updatedAt: now,
          ...PERSON_DEFAULTS,
          changedAt: {},
        };
        summary.peopleAdded++;
      } else if (digest) {
        const mine = spanOfPerson(person);
        const theirs = spanOfDigest(digest);
        const next = {
          ...person,
          displayName: betterName(email, person.displayName, digest.n),
          // Their count is of all their meetings with this person, some of them maybe logged here too.
          ...metFields(joinSpans(mine, theirs, Math.max(mine.count, theirs.count))),
        };
        if (
          next.displayName !== person.displayName ||
          next.firstMetAt !== person.firstMetAt ||
          next.lastMetAt !== person.lastMetAt ||
          next.interactionCount !== person.interactionCount
        ) {
          person = { ...next, updatedAt: now };
        }
      }
      for (const field of PERSON_FIELDS) {
        const stamped = theirs[field];
        if (!stamped) continue;
        if (!remoteWins(stamped, personValue(person, field), person.changedAt?.[field], isDefault(person, field)))
          continue;
        let value = stamped[0];
        if (field === 'groupId') value = groupNow(value as string | null);
        person = {
          ...person,
          ...personFields(field, value),
          changedAt: { ...person.changedAt, [field]: stamped[1] * 1000 },
          updatedAt: now,
        };
      }
      // A group that is gone here (deleted, or made one with another) is never pointed at.
      const group = groupNow(person.groupId);
      if (group !== person.groupId) person = { ...person, groupId: group, updatedAt: now };
      people.set(email, person);
      if (person === here[i]) return;
      writes.set(email, person);
      if (here[i]) summary.peopleChanged++;
    });

    // Contacts logged by hand on another browser, with someone known here.
    if (remote.c.length > 0) {
      const mine = new Set(
        (await db.interactions.where('key').startsWith('manual:').primaryKeys()).map((k) => contactId(String(k))),
      );
      const added: Interaction[] = [];
      for (const c of remote.c) {
        if (mine.has(c.k)) continue;
        const person = people.get(c.e) ?? (await db.people.get(c.e));
        if (!person) continue;
        const at = c.a * 1000;
        mine.add(c.k);
        added.push({
          key: `manual:${c.k}`,
          kind: c.y,
          source: 'manual',
          title: CONTACT_LABELS[c.y],
          start: at,
          end: at,
          allDay: false,
          people: [c.e],
          attendees: [
            { email: c.e, displayName: person.displayName, response: 'accepted', organizer: false, optional: false },
          ],
          calendarId: null,
          loggedAt: now,
          ...(c.t ? { note: c.t } : {}),
        });
        const touched = {
          ...person,
          // Their digest from there counts this contact already.
          ...metFields(joinSpans(spanOfPerson(person), { first: at, last: at, count: digests.has(c.e) ? 0 : 1 })),
          updatedAt: now,
        };
        people.set(c.e, touched);
        writes.set(c.e, touched);
      }
      if (added.length > 0) await db.interactions.bulkAdd(added);
      summary.contactsAdded += added.length;
    }
    if (writes.size > 0) await db.people.bulkPut([...writes.values()]);

    // What was deleted elsewhere, deleted here: unless changed or first met here after that.
    for (const t of tombstones.values()) {
      if (t.key.startsWith('person:')) {
        const email = t.key.slice('person:'.length);
        const person = await db.people.get(email);
        if (!person || person.createdAt > t.at || lastChange(person.changedAt) > t.at) continue;
        if (t.into) {
          if (!(await db.people.get(t.into))) continue;
          try {
            // At this browser's time: the fields the merge joins are a change made here, now.
            await absorbPerson(db, t.into, email, now);
          } catch (error) {
            // Their notes together are too long to be one: both stay, until the user merges them here.
            if (!(error instanceof Refusal)) throw error;
            continue;
          }
        } else await erasePerson(db, email, t.at);
        summary.peopleDeleted++;
      } else if (t.key.startsWith('group:')) {
        const id = t.key.slice('group:'.length);
        const group = await db.groups.get(id);
        if (!group || lastChange(group.changedAt) > t.at) continue;
        const into = t.into && (await db.groups.get(t.into)) ? t.into : null;
        const members = await db.people.where('groupId').equals(id).toArray();
        await db.people.bulkPut(members.map((p) => ({ ...p, groupId: into, updatedAt: now })));
        await db.groups.delete(id);
        summary.groupsChanged++;
      }
    }
  });
  return summary;
}
