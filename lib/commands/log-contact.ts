import { addManualContact } from '../people/edits';
import { ContactSchema } from '../people/inputs';
import { command } from './command';

/** Log a call, coffee, chat or message with someone, dated when it happened. */
export const logContact = command({
  from: ['page'],
  input: ContactSchema,
  recount: true,
  run: (db, input, ctx) => addManualContact(db, input, ctx.now),
});
