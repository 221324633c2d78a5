import * as v from 'valibot';
import { patchPeople } from '../people/edits';
import { PersonPatchSchema } from '../people/inputs';
import { Email } from '../schema';
import { command } from './command';

/** Change people: priority, kind, cadence, team, ignore, snooze, group, note, thanks, a catch-up being planned. */
export const updatePeople = command({
  from: ['page'],
  input: v.strictObject({
    emails: v.pipe(v.array(Email), v.minLength(1, 'Choose someone to change.'), v.maxLength(100_000)),
    patch: PersonPatchSchema,
  }),
  recount: true,
  run: async (db, { emails, patch }, ctx) => ({ updated: await patchPeople(db, emails, patch, ctx.now) }),
});
