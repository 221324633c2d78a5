import type { AppDB } from '../db/app-db';
import type { Group, Person } from '../db/types';
import { Refusal } from '../refusal';
import { groupTombstone, stamped } from '../sync/fields';

/** Creates a group, or renames one. Names are trimmed and must be unique (case aside). */
export async function createOrRenameGroup(
  db: AppDB,
  input: { id?: string; name: string; kind: Group['kind'] },
  now: number,
): Promise<Group> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new Refusal('Give the group a name.');
  if (name.length > 200) throw new Refusal('A group name can be at most 200 characters.');
  return db.transaction('rw', db.groups, async () => {
    const clash = (await db.groups.toArray()).find(
      (g) => g.name.toLowerCase() === name.toLowerCase() && g.id !== input.id,
    );
    if (clash) throw new Refusal(`There is already a group called ${clash.name}.`);
    const existing = input.id ? await db.groups.get(input.id) : undefined;
    // What changed carries when (sync across browsers: the later change of each wins).
    const changedAt = existing
      ? {
          ...existing.changedAt,
          ...(existing.name !== name ? { name: now } : {}),
          ...(existing.kind !== input.kind ? { kind: now } : {}),
        }
      : { name: now, kind: now };
    const group: Group = existing
      ? { ...existing, name, kind: input.kind, changedAt }
      : { id: crypto.randomUUID(), name, kind: input.kind, createdAt: now, changedAt };
    await db.groups.put(group);
    return group;
  });
}

/**
 * Deletes a group; its people stay, in no group. The group is remembered as deleted for a while, so the user's
 * other browsers delete it too (lib/sync).
 */
export async function dissolveGroup(db: AppDB, id: string, now: number): Promise<void> {
  await db.transaction('rw', db.groups, db.people, db.tombstones, async () => {
    const members = await db.people.where('groupId').equals(id).toArray();
    await db.people.bulkPut(
      members.map((p) => ({ ...p, groupId: null, changedAt: stamped(p.changedAt, ['groupId'], now), updatedAt: now })),
    );
    await db.groups.delete(id);
    await db.tombstones.put({ key: groupTombstone(id), at: now });
  });
}

export interface GroupSuggestion {
  domain: string;
  people: Person[];
}

/** Email domains with two or more people in no group yet: likely organisations worth a group. */
export function suggestGroups(people: readonly Person[], internalDomains: readonly string[]): GroupSuggestion[] {
  const byDomain = new Map<string, Person[]>();
  for (const p of people) {
    if (p.groupId !== null || !p.organisation || internalDomains.includes(p.organisation)) continue;
    byDomain.set(p.organisation, [...(byDomain.get(p.organisation) ?? []), p]);
  }
  return [...byDomain]
    .filter(([, members]) => members.length >= 2)
    .map(([domain, members]) => ({ domain, people: members }))
    .sort((a, b) => b.people.length - a.people.length || a.domain.localeCompare(b.domain));
}
