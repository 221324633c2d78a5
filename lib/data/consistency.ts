/**
 * What a backup's records say of each other, checked in the order a restore writes them (groups, then people,
 * then meetings), a list at a time, so that the same rules serve a whole file (readBackup), a backup being
 * made (its self-check) and a restore written as its parts arrive: the same key twice, a person in a group the
 * backup does not hold, a meeting that ends before it starts or names someone the backup does not hold. Each
 * method answers the first problem as a sentence naming the record, or null.
 */
export class Consistency {
  private readonly emails = new Set<string>();
  private readonly keys = new Set<string>();
  private readonly groupIds = new Set<string>();
  private readonly seen = { people: 0, interactions: 0, groups: 0 };

  groups(groups: readonly { id: string }[]): string | null {
    for (const group of groups) {
      const i = this.seen.groups++;
      if (this.groupIds.has(group.id)) return `groups[${i}].id: ${group.id} appears twice.`;
      this.groupIds.add(group.id);
    }
    return null;
  }

  people(people: readonly { email: string; groupId: string | null }[]): string | null {
    for (const person of people) {
      const i = this.seen.people++;
      if (this.emails.has(person.email)) return `people[${i}].email: ${person.email} appears twice.`;
      this.emails.add(person.email);
      if (person.groupId !== null && !this.groupIds.has(person.groupId))
        return `people[${i}].groupId: no group ${person.groupId} in the backup.`;
    }
    return null;
  }

  interactions(interactions: readonly { key: string; start: number; end: number; people: string[] }[]): string | null {
    for (const interaction of interactions) {
      const i = this.seen.interactions++;
      if (this.keys.has(interaction.key)) return `interactions[${i}].key: ${interaction.key} appears twice.`;
      this.keys.add(interaction.key);
      if (interaction.end < interaction.start) return `interactions[${i}].end: it ends before it starts.`;
      for (const email of interaction.people) {
        if (!this.emails.has(email)) return `interactions[${i}].people: ${email} is not among the backup's people.`;
      }
    }
    return null;
  }
}
