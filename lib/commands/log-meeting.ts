import { ClickSchema, UNREADABLE_CLICK } from '../logging/event-schema';
import { holdClick, restoreHold } from '../logging/hold';
import { logClick } from '../logging/meeting-log';
import { command } from './command';

/**
 * Log the event shown in a Calendar card (or on its full page). `confirmed` is the second click on a large
 * meeting; `logAnyway` the user's "Log anyway" when the page could not tell whether they declined.
 */
export const logMeeting = command({
  from: ['content'],
  input: ClickSchema,
  recount: true,
  unreadable: UNREADABLE_CLICK,
  async run(db, input, ctx) {
    const click = { ...input, at: ctx.now };
    return restoreHold.active ? holdClick(db, click) : logClick(db, click);
  },
});
