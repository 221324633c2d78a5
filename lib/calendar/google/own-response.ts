import type { Response } from '../../db/types';
import type { CalendarGuest } from './guests';
import { matchedEntry, queryAll, queryFirst } from './selectors';
import { normaliseText } from './when';
import { CHIP_RSVP_WORDS, responseNamed } from './words';

/** The signed-in user's own answer; 'unknown' when its signals disagree on declining, or none can be read. */
export type SelfResponse = Response | 'unknown';

/** Where the user's own answer was read: each is one signal, or null when the page does not show it. */
export interface ResponseSignals {
  /** The card's Yes / No / Maybe buttons: the pressed one (none pressed: not answered yet). */
  buttons: Response | null;
  /** The user's own row in the guest list. */
  ownRow: Response | null;
  /** The word in the chip's hidden label ("Declined" in the user's language). */
  chip: Response | null;
}

const BUTTON_RESPONSES: Response[] = ['accepted', 'declined', 'tentative'];

/** The answer the footer's buttons show, or null when there are no such buttons. */
export function buttonsSignal(card: Element): Response | null {
  const buttons = queryAll(card, 'rsvpButtons');
  if (buttons.length !== 3) return null;
  // The primary selector names each button by its id; the fallback knows them only by their order.
  const ordered =
    matchedEntry(card, 'rsvpButtons') === 0
      ? ['xRsvpYesBu', 'xRsvpNoBu', 'xRsvpMaybeBu'].map((id) => buttons.find((b) => b.id === id))
      : buttons;
  const states = ordered.map((b) => b?.getAttribute('aria-pressed'));
  if (states.some((s) => s !== 'true' && s !== 'false')) return null;
  const pressed = states.indexOf('true');
  return pressed < 0 ? 'needsAction' : (BUTTON_RESPONSES[pressed] ?? null);
}

/** The user's own row's answer, when the list has a row for `selfEmail`. */
export function ownRowSignal(guests: readonly CalendarGuest[], selfEmail: string | null): Response | null {
  if (!selfEmail) return null;
  return guests.find((g) => g.email === selfEmail)?.response ?? null;
}

/** The answer a chip of this event states in its hidden label, when the grid shows one. */
export function chipSignal(doc: Document, sameEvent: (chip: Element) => boolean): Response | null {
  for (const chip of queryAll(doc, 'chip')) {
    if (!sameEvent(chip)) continue;
    const label = normaliseText(queryFirst(chip, 'chipLabel')?.textContent ?? '');
    // Time, title, calendar, [answer], …: the answer is a whole field after the title.
    const fields = label.split(/[,،，、;]/).map((f) => f.trim().toLowerCase());
    for (const field of fields.slice(2)) {
      const response = responseNamed(field, CHIP_RSVP_WORDS);
      if (response) return response;
    }
    return null;
  }
  return null;
}

/**
 * One answer from the signals that could be read. They must agree on what decides logging, whether the user
 * declined; when they do not, or when none could be read, the answer is 'unknown' and the user decides.
 * Otherwise the first signal wins (buttons, then the own row, then the chip).
 */
export function combineSignals(signals: ResponseSignals): SelfResponse {
  const read = [signals.buttons, signals.ownRow, signals.chip].filter((r): r is Response => r !== null);
  const [first] = read;
  if (!first) return 'unknown';
  const declined = read.map((r) => r === 'declined');
  return declined.every((d) => d === declined[0]) ? first : 'unknown';
}
