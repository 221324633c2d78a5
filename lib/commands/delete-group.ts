import * as v from 'valibot';
import { dissolveGroup } from '../people/groups';
import { GroupId } from '../schema';
import { command } from './command';

/** Delete a group; its people stay, in no group. */
export const deleteGroup = command({
  from: ['page'],
  input: v.strictObject({ id: GroupId }),
  recount: true,
  async run(db, { id }, ctx) {
    await dissolveGroup(db, id, ctx.now);
    return { ok: true } as const;
  },
});
