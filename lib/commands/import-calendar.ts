import * as v from 'valibot';
import { type IcsEvent, importEvents } from '../data/ics';
import { settleOwnAddress } from '../people/own-addresses';
import { Email, UploadId } from '../schema';
import { getSettings } from '../settings';
import { command } from './command';
import { takeUpload } from './uploads';

/**
 * Import the meetings of a calendar file whose parts have all arrived, by the rules of logging from the page.
 * All or nothing: one transaction, so a failure halfway leaves no partial import.
 */
export const importCalendar = command({
  from: ['page'],
  input: v.strictObject({
    upload: UploadId,
    includeLarge: v.boolean(),
    /**
     * The calendar the user said is their own, by its address (Google's export names a person's calendar by
     * it; in a single calendar file, the address the user said is theirs). It is the user in every meeting of
     * the import, and becomes one of their addresses. Only the user's own word makes an address theirs: the
     * page's guesses (the export's name, the guests of the file) are questions it puts to the user, and an
     * address Bridges knows already needs no owner here.
     */
    own: v.optional(v.strictObject({ calendar: Email, confirmedBy: v.literal('user') })),
  }),
  recount: true,
  async run(db, { upload, includeLarge, own }, ctx) {
    const owner = own?.calendar;
    const events: IcsEvent[] = [];
    for (const part of takeUpload<{ events: IcsEvent[] }>(upload, 'calendar')) {
      for (const event of part.events) events.push(owner && !event.selfEmail ? { ...event, selfEmail: owner } : event);
    }
    if (owner) await settleOwnAddress(db, owner, true);
    const { myEmails, meetingRules: rules } = await getSettings(db, ['myEmails', 'meetingRules']);
    return db.transaction('rw', db.interactions, db.people, db.upcoming, () =>
      importEvents(db, events, { now: ctx.now, myEmails, rules, includeLarge }),
    );
  },
});
