import { clip, LIMITS } from '../schema';

/**
 * Text a file may carry longer than Bridges keeps it: cut to the limit with a warning, rather than refusing
 * the whole file for one long name. Only words are cut, never what identifies a record (an email, a meeting's
 * key, a group's id, a calendar's id): those are checked, and a bad one is refused.
 */
export const TRIMMED_FIELDS = {
  'people.displayName': { max: LIMITS.name, what: ['name of a person', 'names of people'] },
  'people.note': { max: LIMITS.personNote, what: ['note about a person', 'notes about people'] },
  'interactions.title': { max: LIMITS.title, what: ['meeting title', 'meeting titles'] },
  'interactions.note': { max: LIMITS.meetingNote, what: ['meeting note', 'meeting notes'] },
  'interactions.attendees.displayName': { max: LIMITS.name, what: ['guest name', 'guest names'] },
  'groups.name': { max: LIMITS.groupName, what: ['group name', 'group names'] },
} as const;

export type TrimmedField = keyof typeof TRIMMED_FIELDS;
/** How many values of each field were cut. */
export type Trimmed = Partial<Record<TrimmedField, number>>;

/** Cuts `record[key]` to the field's limit when it is longer, and counts it. Anything but text is left alone. */
export function trimField(record: unknown, key: string, field: TrimmedField, counts: Trimmed): void {
  if (typeof record !== 'object' || record === null) return;
  const value = (record as Record<string, unknown>)[key];
  const { max } = TRIMMED_FIELDS[field];
  if (typeof value !== 'string' || value.length <= max) return;
  (record as Record<string, unknown>)[key] = clip(value, max);
  counts[field] = (counts[field] ?? 0) + 1;
}

const each = (list: unknown, visit: (item: unknown) => void) => {
  if (Array.isArray(list)) for (const item of list) visit(item);
};

/** Cuts over-long text throughout a parsed backup file (in place), before it is checked. */
export function trimBackup(data: Record<string, unknown>, counts: Trimmed = {}): Trimmed {
  each(data.people, (p) => {
    trimField(p, 'displayName', 'people.displayName', counts);
    trimField(p, 'note', 'people.note', counts);
  });
  each(data.interactions, (i) => {
    trimField(i, 'title', 'interactions.title', counts);
    trimField(i, 'note', 'interactions.note', counts);
    if (typeof i === 'object' && i !== null)
      each((i as { attendees?: unknown }).attendees, (a) =>
        trimField(a, 'displayName', 'interactions.attendees.displayName', counts),
      );
  });
  each(data.groups, (g) => trimField(g, 'name', 'groups.name', counts));
  return counts;
}

/** "Shortened to fit: 3 names of people (to 500 characters), 1 meeting title (to 2,000 characters)." or "". */
export function describeTrimmed(counts: Trimmed): string {
  const parts = (Object.keys(TRIMMED_FIELDS) as TrimmedField[]).flatMap((field) => {
    const n = counts[field] ?? 0;
    if (n === 0) return [];
    const { max, what } = TRIMMED_FIELDS[field];
    return [`${n.toLocaleString('en')} ${n === 1 ? what[0] : what[1]} (to ${max.toLocaleString('en')} characters)`];
  });
  return parts.length ? `Shortened to fit Bridges' limits: ${parts.join(', ')}.` : '';
}
