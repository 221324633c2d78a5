import * as v from 'valibot';
import { briefFor } from '../prep/briefs';
import { TOKEN_PATTERN } from '../prep/tokens';
import { command } from './command';

/**
 * The "Before you meet" frame asks for its meeting's guests by the token in its address: the panel's content,
 * once, in the tab that registered the token; null for any other token (made up, used, expired, another tab's).
 */
export const meetingBrief = command({
  from: ['page'],
  input: v.strictObject({ token: v.pipe(v.string(), v.regex(TOKEN_PATTERN)) }),
  recount: false,
  unreadable: 'This is not a meeting Bridges was asked about.',
  run: (_db, { token }, ctx) => briefFor(token, ctx.tabId, ctx.now),
});
