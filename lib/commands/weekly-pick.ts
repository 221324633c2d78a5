import * as v from 'valibot';
import { currentStretchPick } from '../reminders/stretch-pick';
import { command } from './command';

/** This week's stretch pick (chosen once, kept all week). */
export const weeklyPick = command({
  from: ['page'],
  input: v.strictObject({}),
  recount: false,
  run: async (db, _input, ctx) => ({ email: await currentStretchPick(db, ctx.now) }),
});
