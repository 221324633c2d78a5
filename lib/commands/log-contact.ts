import { ContactSchema } from '../people/inputs';
import { addManualContact } from '../people/service';
import { command } from './command';

/** Log a call, coffee, chat or message with someone, dated when it happened. */
export const logContact = command({
  from: ['page'],
  input: ContactSchema,
  writes: true,
  run: (db, input, ctx) => addManualContact(db, input, ctx.now),
});
