import * as v from 'valibot';
import { erasePerson } from '../people/removal';
import { Email } from '../schema';
import { command } from './command';

/** Delete a person and their name from every meeting. */
export const deletePerson = command({
  from: ['page'],
  input: v.strictObject({ email: Email }),
  recount: true,
  async run(db, { email }, ctx) {
    await erasePerson(db, email, ctx.now);
    return { ok: true } as const;
  },
});
