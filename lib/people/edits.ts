import { addMonths, addWeeks } from 'date-fns';
import type { AppDB } from '../db/app-db';
import type { Interaction } from '../db/types';
import { CONTACT_LABELS } from '../db/types';
import { recordContact } from '../logging/meeting-log';
import { Refusal } from '../refusal';
import { stamped } from '../sync/fields';
import { normaliseEmail } from './email';
import type { ContactInput, PersonPatch } from './inputs';

/**
 * Logs a contact outside the calendar (a call, a coffee, a chat) with someone already in Bridges. It resets
 * their clock as of when it happened, not when it was entered; a contact in the future is refused.
 */
export async function addManualContact(db: AppDB, input: ContactInput, now: number): Promise<{ status: 'logged' }> {
  if (input.at > now) throw new Refusal('A contact cannot be in the future.');
  const email = normaliseEmail(input.email);
  return db.transaction('rw', db.people, db.interactions, async () => {
    const person = await db.people.get(email);
    if (!person) throw new Refusal('That person is not in Bridges.');
    const attendee = {
      email,
      displayName: person.displayName,
      response: 'accepted' as const,
      organizer: false,
      optional: false,
    };
    const note = input.note?.trim();
    const interaction: Interaction = {
      key: `manual:${crypto.randomUUID()}`,
      kind: input.kind,
      source: 'manual',
      title: CONTACT_LABELS[input.kind],
      start: input.at,
      end: input.at,
      allDay: false,
      people: [email],
      attendees: [attendee],
      calendarId: null,
      loggedAt: now,
      ...(note ? { note } : {}),
    };
    await db.interactions.add(interaction);
    await recordContact(db, [attendee], input.at, now);
    return { status: 'logged' } as const;
  });
}

/** Applies the same change to each of `emails` (a person's row, or a selection). Returns how many changed. */
export async function patchPeople(
  db: AppDB,
  emails: readonly string[],
  patch: PersonPatch,
  now: number,
): Promise<number> {
  const keys = [...new Set(emails.map(normaliseEmail))];
  const { snoozeFor, planCatchUp, ...fields } = patch;
  if (snoozeFor) fields.snoozedUntil = (snoozeFor === 'week' ? addWeeks(now, 1) : addMonths(now, 1)).getTime();
  if (planCatchUp) fields.planningSince = now;
  return db.transaction('rw', db.people, db.groups, async () => {
    // In the same transaction as the group's deletion would be: a person never points at a group that is gone.
    if (fields.groupId && !(await db.groups.get(fields.groupId))) {
      throw new Refusal('That group no longer exists: it may have been deleted in another tab.');
    }
    const rows = (await db.people.bulkGet(keys)).filter((p) => p !== undefined);
    // Each field the user changed carries when (lib/sync/fields.ts): across their browsers, the later change wins.
    const changed = Object.keys(fields);
    await db.people.bulkPut(
      rows.map((p) => ({ ...p, ...fields, changedAt: stamped(p.changedAt, changed, now), updatedAt: now })),
    );
    return rows.length;
  });
}
