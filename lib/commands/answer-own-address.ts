import * as v from 'valibot';
import { settleOwnAddress } from '../people/own-addresses';
import { Email } from '../schema';
import { command } from './command';

/** "Calendar is signed in as this address: is it you?" Yes makes it one of the user's own; no stops asking. */
export const answerOwnAddress = command({
  from: ['page'],
  input: v.strictObject({ email: Email, isMe: v.boolean() }),
  recount: true,
  async run(db, { email, isMe }) {
    await settleOwnAddress(db, email, isMe);
    return { ok: true } as const;
  },
});
