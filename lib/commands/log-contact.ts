import * as v from 'valibot';
import { logContact as log } from '../people/service';
import { ContactKind, Email, Instant, LIMITS, Text } from '../schema';
import { command } from './command';

export const ContactSchema = v.strictObject({
  email: Email,
  kind: ContactKind,
  at: Instant,
  note: v.optional(Text(LIMITS.meetingNote, 'A note')),
});
export type ContactInput = v.InferInput<typeof ContactSchema>;

/** Log a call, coffee, chat or message with someone, dated when it happened. */
export const logContact = command({
  from: ['page'],
  input: ContactSchema,
  writes: true,
  run: (db, input, ctx) => log(db, input, ctx.now),
});
