import * as v from 'valibot';
import { createOrRenameGroup } from '../people/groups';
import { GroupId, GroupKind, Text } from '../schema';
import { command } from './command';

/** Create (no id) or rename a group. */
export const saveGroup = command({
  from: ['page'],
  input: v.strictObject({ id: v.optional(GroupId), name: Text(1000, 'A group name'), kind: GroupKind }),
  recount: true,
  run: async (db, input, ctx) => ({ id: (await createOrRenameGroup(db, input, ctx.now)).id }),
});
