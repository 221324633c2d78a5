import * as v from 'valibot';
import { absorbPerson } from '../people/removal';
import { Email } from '../schema';
import { command } from './command';

/** One person, two addresses: `gone`'s history joins `keep`'s. */
export const mergePeople = command({
  from: ['page'],
  input: v.strictObject({ keep: Email, gone: Email }),
  recount: true,
  async run(db, { keep, gone }, ctx) {
    await absorbPerson(db, keep, gone, ctx.now);
    return { ok: true } as const;
  },
});
