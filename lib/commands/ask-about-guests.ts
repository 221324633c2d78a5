import * as v from 'valibot';
import { EventId } from '../logging/event-schema';
import { askAbout } from '../prep/briefs';
import { MAX_ASKED_GUESTS } from '../prep/limits';
import { getSetting } from '../settings';
import { command, Refusal } from './command';

/**
 * The Calendar content script asks what Bridges knows about an open meeting's guests, for "Before you meet". It
 * gets back no names, notes or statuses: only a one-time token for the frame it makes (lib/prep/tokens.ts), or
 * null when the user turned the panel off (then it makes no frame).
 */
export const askAboutGuests = command({
  from: ['content'],
  input: v.strictObject({
    eventId: EventId,
    guests: v.pipe(v.array(v.pipe(v.string(), v.maxLength(320))), v.maxLength(MAX_ASKED_GUESTS)),
  }),
  recount: false,
  unreadable: "Bridges can't read this event's guests.",
  async run(db, ask, ctx) {
    if (ctx.tabId === null) throw new Refusal('Bridges prepares meetings only for a Calendar tab.');
    if (!(await getSetting(db, 'prepPanel'))) return { token: null };
    return { token: askAbout(db, ask, ctx.tabId, ctx.now) };
  },
});
