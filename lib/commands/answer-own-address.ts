import * as v from 'valibot';
import { Email } from '../schema';
import { command } from './command';
import { answerOwnAddress as answer } from './own-addresses';

/** "Calendar is signed in as this address: is it you?" Yes makes it one of the user's own; no stops asking. */
export const answerOwnAddress = command({
  from: ['page'],
  input: v.strictObject({ email: Email, isMe: v.boolean() }),
  writes: true,
  async run(_db, { email, isMe }) {
    await answer(email, isMe);
    return { ok: true } as const;
  },
});
