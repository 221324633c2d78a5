import { UNREADABLE } from '../calendar/google/card';
import type { LogOutcome } from '../logging/meeting-log';
import type { BookOutcome } from '../logging/upcoming';

/** What the Log control shows. Pure data, so every wording is tested. */
export interface ControlView {
  /** The button's text, which is its accessible name ("Log meeting", "Logged · 4 people", "Note as booked", …). */
  label: string;
  /** A sentence beside the button (a rule that applied, a problem), or "". */
  message: string;
  tone: 'neutral' | 'success' | 'warning' | 'error';
  busy: boolean;
  /**
   * What the next click asks for: a plain log, the second click on a meeting over the guest limit, or a log
   * although the page could not tell whether the user declined.
   */
  next: 'log' | 'confirm' | 'anyway' | 'book';
  /** Offer "Copy details for a bug report" beside the message: the card could not be read. */
  offerReport: boolean;
}

export const READY: ControlView = {
  label: 'Log meeting',
  message: '',
  tone: 'neutral',
  busy: false,
  next: 'log',
  offerReport: false,
};
export const BUSY: ControlView = { ...READY, label: 'Logging…', busy: true };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const people = (n: number) => count(n, 'person', 'people');
const groups = (n: number) => count(n, 'group', 'groups');

export function loggedView(
  n: number,
  message = '',
  notes: { groups?: number; partial?: { shown: number; total: number } | null } = {},
): ControlView {
  const label = notes.groups ? `Logged · ${people(n)} · ${groups(notes.groups)} not counted` : `Logged · ${people(n)}`;
  const partial = notes.partial
    ? `Logged ${notes.partial.shown} of ${notes.partial.total} guests: Calendar showed ${notes.partial.shown}.`
    : '';
  return { ...READY, label, message: partial || message, tone: 'success' };
}

export function messageView(message: string, tone: ControlView['tone'] = 'warning'): ControlView {
  return { ...READY, message, tone };
}

/** A sentence that asks something of the user, and the button that answers it (what the next click does). */
function askView(message: string, label: string, next: ControlView['next']): ControlView {
  return { ...messageView(message), label, next };
}

const UNCLEAR_RESPONSE = "Bridges can't tell whether you declined this meeting: Calendar's page doesn't say clearly.";
const NOTE_AS_BOOKED = 'Note as booked';

/** The guest limit passed: the second click is the user's yes (`yes`: "log them all"). */
const overLimit = (outcome: { count: number; limit: number }, yes: string) =>
  `This meeting has ${people(outcome.count)}, over your limit of ${outcome.limit}. Click again to ${yes}.`;

export const UNREADABLE_VIEW: ControlView = {
  ...messageView(UNREADABLE, 'error'),
  offerReport: true,
};

export function viewOfOutcome(outcome: LogOutcome): ControlView {
  switch (outcome.status) {
    case 'logged':
      return loggedView(outcome.people, '', outcome);
    case 'already-logged':
      return loggedView(outcome.people, 'Already in your log: nothing changed.');
    case 'not-started':
      return NOT_STARTED_VIEW;
    case 'declined':
      return messageView('Not logged: you declined this meeting.');
    case 'no-one':
      if (outcome.partial?.shown === 0) {
        return messageView(
          `Not logged: Calendar isn't showing this meeting's ${outcome.partial.total} guests. Open the guest list in the card, then log again.`,
        );
      }
      return messageView(
        outcome.groups
          ? `No one to log: there are no other guests (${groups(outcome.groups)} not counted).`
          : 'No one to log: there are no other guests.',
      );
    case 'response-unknown':
      return askView(UNCLEAR_RESPONSE, 'Log anyway', 'anyway');
    case 'needs-confirmation':
      return askView(overLimit(outcome, 'log them all'), `Log ${people(outcome.count)}?`, 'confirm');
    case 'invalid':
      return UNREADABLE_VIEW;
  }
}

/** A meeting to come: nothing to log yet, and the one thing to do is to note it as booked. */
export const NOT_STARTED_VIEW: ControlView = {
  ...askView(
    "This meeting hasn't started yet. Note it as booked, and its people are not counted as needing you until then.",
    NOTE_AS_BOOKED,
    'book',
  ),
  tone: 'neutral',
};
export const NOTING: ControlView = { ...BUSY, label: 'Noting…' };

export function bookedView(n: number, message = ''): ControlView {
  return { ...READY, label: `Booked · ${people(n)}`, message, tone: 'success', next: 'book' };
}

export function viewOfBooking(outcome: BookOutcome): ControlView {
  switch (outcome.status) {
    case 'booked':
      return bookedView(outcome.people, 'Noted: once it has happened, log it here.');
    case 'already-booked':
      return bookedView(outcome.people, 'Already noted as booked: nothing changed.');
    case 'started':
      return { ...READY, message: 'This meeting has started: log it instead.', tone: 'warning' };
    case 'declined':
      return askView('Not noted: you declined this meeting.', NOTE_AS_BOOKED, 'book');
    case 'no-one':
      return askView('Nothing to note: there are no other guests.', NOTE_AS_BOOKED, 'book');
    case 'response-unknown':
      return askView(UNCLEAR_RESPONSE, 'Note as booked anyway', 'book');
    case 'needs-confirmation':
      return askView(overLimit(outcome, 'note them all as booked'), `Note ${people(outcome.count)} as booked?`, 'book');
  }
}

export const DISCONNECTED = messageView('Bridges was updated or restarted: reload this page to log meetings.', 'error');

/** A click the page could have tricked the user into: the control was not plainly shown where it was clicked. */
export const HIDDEN_CONTROL = 'Not logged: the Log control was hidden or covered on this page.';
export const HIDDEN_REPORT = 'Nothing was copied: the button was hidden or covered on this page.';
