import * as v from 'valibot';
import { currentWeeklyPick } from '../background/weekly-pick';
import { command } from './command';

/** This week's stretch pick (chosen once, kept all week). */
export const weeklyPick = command({
  from: ['page'],
  input: v.strictObject({}),
  writes: false,
  run: async (db, _input, ctx) => ({ email: await currentWeeklyPick(db, ctx.now) }),
});
