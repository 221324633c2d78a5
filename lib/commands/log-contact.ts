import { ContactSchema } from '../people/inputs';
import { logContact as log } from '../people/service';
import { command } from './command';

/** Log a call, coffee, chat or message with someone, dated when it happened. */
export const logContact = command({
  from: ['page'],
  input: ContactSchema,
  writes: true,
  run: (db, input, ctx) => log(db, input, ctx.now),
});
