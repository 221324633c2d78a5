import type { Person } from '../db/types';
import type { createSender } from '../messaging-protocol';
import type { ContactInput, PersonPatch } from '../people/inputs';

/** What the popup's rows can do; each goes to the background, the only writer. */
export interface PeopleActions {
  logContact(input: ContactInput): Promise<void>;
  update(emails: string[], patch: PersonPatch): Promise<void>;
}

export function messageActions(send: ReturnType<typeof createSender>): PeopleActions {
  return {
    async logContact(input) {
      await send('logContact', input);
    },
    async update(emails, patch) {
      await send('updatePeople', { emails, patch });
    },
  };
}

/** The patch that puts back what `patch` changed on `person`, for Undo. */
export function undoPatch(person: Person, patch: PersonPatch): PersonPatch {
  const undo: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as Array<keyof PersonPatch>) {
    if (key === 'snoozeFor') undo.snoozedUntil = person.snoozedUntil;
    else if (key === 'planCatchUp') undo.planningSince = person.planningSince;
    else undo[key] = person[key];
  }
  return undo as PersonPatch;
}

/** When a contact on the given day happened: now if today, else midday of that day in the user's zone. */
export function contactTime(day: string, now: number): number {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return now;
  const today = new Date(now);
  if (today.getFullYear() === y && today.getMonth() + 1 === m && today.getDate() === d) return now;
  return Math.min(now, new Date(y, m - 1, d, 12).getTime());
}

/** "2026-11-25" for a date input, in the user's zone. */
export function dayString(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
