import { type CalendarEvent, type CardReading, readEventCard } from '../calendar/google/card';
import { readEditPage } from '../calendar/google/edit-page';
import { eventIdFromEditUrl, eventIdOf } from '../calendar/google/event-id';
import { findActionBar, findCard, findEditEvent, isEditPageUrl, queryFirst } from '../calendar/google/selectors';
import { describeStructure } from '../calendar/google/structure';
import { NoAnswer, type sendMessage } from '../messaging';
import {
  BUSY,
  bookedView,
  type ControlView,
  DISCONNECTED,
  loggedView,
  messageView,
  READY,
  UNREADABLE_VIEW,
  viewOfBooking,
  viewOfOutcome,
} from './control-state';
import { LogControl } from './log-control';
import { createPrepPanel, type PrepOptions } from './prep-watch';

export interface WatcherDeps {
  send: typeof sendMessage;
  now: () => number;
  /** The page's address (the full event page is told apart by it); the document's own by default. */
  url?: () => string;
  /** Puts text on the clipboard; the browser's clipboard by default. */
  copy?: (text: string) => Promise<void>;
  /** Whether a click on the control counts; a person's (trusted) clicks only, by default. */
  isUserClick?: (event: Event) => boolean;
  /** Whether the clicked button was plainly shown where it was clicked; read from the page by default. */
  isShown?: (button: HTMLButtonElement, event: Event) => boolean | Promise<boolean>;
  /** Benchmark builds only: receives the cost of each mutation batch, in milliseconds. */
  recordBatch?: (ms: number) => void;
  /** Benchmark builds only: receives the time from a click's handler to the control showing "Logged", in ms. */
  recordLog?: (ms: number) => void;
  /** "Before you meet" beside the control (lib/content/prep-watch.ts); none without it. */
  prep?: PrepOptions;
}

/** Where an event is shown: Calendar's event card, or its full event page (/r/eventedit/<id>). */
interface Surface {
  kind: 'card' | 'edit';
  root: Element;
  /** Changes when the surface shows another event (Calendar reuses the card). */
  key: string;
}

export const COPIED = 'Copied. Paste it into your bug report: it holds no names, addresses, titles or times.';

/**
 * Keeps the Log control in whatever event card (or full event page) Calendar shows, and acts on the event
 * shown at the moment of the click. The mutation callback runs on every change to Calendar's page, so it
 * does only an id lookup, a string test of the address and two attribute reads unless the card changed;
 * reading the event (and any search of the card by structure) happens on a click only.
 */
export function watchEventCards(doc: Document, signal: AbortSignal, deps: WatcherDeps): LogControl {
  const url = deps.url ?? (() => doc.location?.href ?? '');
  const control = new LogControl(doc, {
    onLog: (_event, clickedAt) => void logShownEvent(clickedAt),
    onReport: () => void copyReport(),
    isUserClick: deps.isUserClick,
    isShown: deps.isShown,
  });
  let shownKey: string | null = null;
  // The user's answers so far for the event shown: the second click over the limit, "log anyway".
  let confirmedFor: string | null = null;
  let anywayFor: string | null = null;
  // The event shown is a meeting to come: the control's click notes it as booked instead of logging it.
  let bookFor: string | null = null;
  let lastFailure = '';
  const prep = deps.prep ? createPrepPanel(doc, deps.prep) : null;

  const findSurface = (): Surface | null => {
    if (isEditPageUrl(url())) {
      const root = findEditEvent(doc);
      if (root) return { kind: 'edit', root, key: `edit ${root.getAttribute('data-eventid') ?? url()}` };
    }
    const card = findCard(doc);
    if (!card) return null;
    return { kind: 'card', root: card, key: card.getAttribute('data-eventid') ?? card.getAttribute('jslog') ?? '' };
  };

  const sync = (): void => {
    const surface = findSurface();
    if (!surface) return;
    const changed = surface.key !== shownKey;
    if (changed) {
      shownKey = surface.key;
      confirmedFor = null;
      anywayFor = null;
      bookFor = null;
      control.show(READY);
      void refreshStatus(surface);
    }
    if (!surface.root.contains(control.host)) {
      if (surface.kind === 'card') control.mount(findActionBar(surface.root) ?? surface.root);
      else {
        const save = queryFirst(surface.root, 'editSave');
        control.mount(save?.parentElement ?? surface.root, save);
      }
    }
    // After the control, and never waited for: the panel asks the background later, off this batch.
    if (surface.kind === 'card') prep?.sync(surface.root, changed);
  };

  async function refreshStatus(surface: Surface): Promise<void> {
    const id = eventIdOf(surface.root) ?? (surface.kind === 'edit' ? eventIdFromEditUrl(url()) : null);
    if (!id) return;
    try {
      const status = await deps.send('meetingStatus', { eventId: id.eventId });
      if (shownKey !== surface.key) return;
      if (status.logged) control.show(loggedView(status.people));
      else if ('booked' in status && status.booked) {
        bookFor = id.eventId;
        control.show(bookedView(status.booked.people));
      }
    } catch (error) {
      if (shownKey === surface.key) control.show(failureView(error));
    }
  }

  function read(surface: Surface | null): CardReading {
    const options = { now: deps.now(), fallbackTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    return surface?.kind === 'edit'
      ? readEditPage(doc, url(), options)
      : readEventCard(doc, surface?.root ?? null, options);
  }

  async function logShownEvent(clickedAt: number): Promise<void> {
    const surface = findSurface();
    const reading = read(surface);
    if (!reading.ok) {
      lastFailure = reading.problem;
      const unreadable = reading.problem !== 'task' && reading.problem !== 'no-card';
      control.show(unreadable ? UNREADABLE_VIEW : messageView(reading.message));
      return;
    }
    const { event } = reading;
    const key = surface?.key ?? null;
    if (bookFor === event.eventId) {
      control.show({ ...BUSY, label: 'Noting…' });
      return bookShownEvent(event, key);
    }
    control.show(BUSY);
    try {
      const outcome = await deps.send('logMeeting', {
        event,
        confirmed: confirmedFor === event.eventId,
        logAnyway: anywayFor === event.eventId,
      });
      if (shownKey !== key) return; // the card now shows another event
      if (outcome.status === 'needs-confirmation') confirmedFor = event.eventId;
      else if (outcome.status === 'response-unknown') anywayFor = event.eventId;
      else confirmedFor = anywayFor = null;
      if (outcome.status === 'not-started') bookFor = event.eventId;
      control.show(viewOfOutcome(outcome));
      if (outcome.status === 'logged') deps.recordLog?.(performance.now() - clickedAt);
    } catch (error) {
      if (shownKey === key) control.show(failureView(error));
    }
  }

  /** The second step for a meeting to come: noted as booked, by the same rules and answers as a log. */
  async function bookShownEvent(event: CalendarEvent, key: string | null): Promise<void> {
    try {
      const outcome = await deps.send('noteBooked', {
        event,
        confirmed: confirmedFor === event.eventId,
        logAnyway: anywayFor === event.eventId,
      });
      if (shownKey !== key) return;
      if (outcome.status === 'needs-confirmation') confirmedFor = event.eventId;
      else if (outcome.status === 'response-unknown') anywayFor = event.eventId;
      if (outcome.status === 'started') bookFor = null;
      control.show(viewOfBooking(outcome));
    } catch (error) {
      if (shownKey === key) control.show(failureView(error));
    }
  }

  async function copyReport(): Promise<void> {
    const surface = findSurface();
    const note = `${surface?.kind ?? 'no card'}, ${lastFailure || 'unread'}`;
    const report = describeStructure(surface?.root ?? doc.body, doc, note);
    try {
      await (deps.copy ?? ((text) => copyToClipboard(doc, control.root, text)))(report);
      control.say(COPIED);
    } catch {
      control.say("Bridges couldn't reach the clipboard. Nothing was copied.");
    }
  }

  const onMutations = (): void => {
    try {
      sync();
    } catch {
      // Never let a Calendar redesign surface as an exception on the page.
    }
  };
  const record = deps.recordBatch;
  const handler = record
    ? () => {
        const t0 = performance.now();
        onMutations();
        record(performance.now() - t0);
      }
    : onMutations;
  const observer = new MutationObserver(handler);
  observer.observe(doc.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-eventid', 'jslog'],
  });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    control.remove();
    prep?.remove();
  });
  onMutations();
  return control;
}

/**
 * What a failed request means for the user: no answer at all is the extension gone away (updated, reloaded),
 * which a reload of the page mends; any other failure is the background's own sentence (a full disk, say).
 */
function failureView(error: unknown): ControlView {
  if (error instanceof NoAnswer) return DISCONNECTED;
  return messageView(`Not logged: ${error instanceof Error ? error.message : String(error)}`, 'error');
}

/** The clipboard API, else a selected text area in the control's own shadow root and the copy command. */
async function copyToClipboard(doc: Document, root: ShadowRoot, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Calendar's permissions may refuse the API; the copy command needs only the click.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
  root.append(area);
  area.select();
  const copied = doc.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
}
