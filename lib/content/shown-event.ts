import type { LogOutcome } from '../logging/meeting-log';
import type { BookOutcome } from '../logging/upcoming';

/**
 * What the Log control knows of the event Calendar shows: which surface shows it, and the user's answers so far.
 * Answers belong to one event id and are forgotten when the card shows another event. Pure: each step of the
 * control's conversation is a function from one state to the next.
 */
export interface ShownEvent {
  /** The surface's key (changes when Calendar reuses the card for another event); null before the first. */
  key: string | null;
  /** The event whose guest limit the user has passed with a second click. */
  confirmed: string | null;
  /** The event the user chose to log though their own answer could not be read. */
  anyway: string | null;
  /** The event is a meeting to come: a click notes it as booked instead of logging it. */
  booking: string | null;
}

export const NOTHING_SHOWN: ShownEvent = { key: null, confirmed: null, anyway: null, booking: null };

/** The surface shows the event under `key`: the same state when it already did, a fresh one when not. */
export function showing(state: ShownEvent, key: string): ShownEvent {
  return state.key === key ? state : { ...NOTHING_SHOWN, key };
}

/** The answers a request about `eventId` carries. */
export function answersFor(state: ShownEvent, eventId: string): { confirmed: boolean; logAnyway: boolean } {
  return { confirmed: state.confirmed === eventId, logAnyway: state.anyway === eventId };
}

/** The background says `eventId` is already noted as booked: a click notes it again rather than logs it. */
export function knownBooked(state: ShownEvent, eventId: string): ShownEvent {
  return { ...state, booking: eventId };
}

/** After a log: a question asked is remembered as its answer for the next click; any other outcome ends them. */
export function afterLog(state: ShownEvent, eventId: string, status: LogOutcome['status']): ShownEvent {
  const next = { ...state, ...asked(status, eventId) };
  if (status !== 'needs-confirmation' && status !== 'response-unknown') next.confirmed = next.anyway = null;
  if (status === 'not-started') next.booking = eventId;
  return next;
}

/** After noting as booked: a question asked is remembered; a meeting that has started is logged from then on. */
export function afterBooking(state: ShownEvent, eventId: string, status: BookOutcome['status']): ShownEvent {
  const next = { ...state, ...asked(status, eventId) };
  if (status === 'started') next.booking = null;
  return next;
}

function asked(status: string, eventId: string): Partial<ShownEvent> {
  if (status === 'needs-confirmation') return { confirmed: eventId };
  if (status === 'response-unknown') return { anyway: eventId };
  return {};
}
