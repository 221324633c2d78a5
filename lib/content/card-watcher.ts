import { type CalendarEvent, type CardReading, readEventCard } from '../calendar/google/card';
import { readEditPage } from '../calendar/google/edit-page';
import { eventIdFromEditUrl, eventIdOf } from '../calendar/google/event-id';
import { findActionBar, findCard, findEditEvent, isEditPageUrl, queryFirst } from '../calendar/google/selectors';
import { describeStructure } from '../calendar/google/structure';
import { NoAnswer, type sendMessage } from '../messaging';
import { copyToClipboard } from './clipboard';
import {
  BUSY,
  bookedView,
  type ControlView,
  DISCONNECTED,
  loggedView,
  messageView,
  NOTING,
  READY,
  UNREADABLE_VIEW,
  viewOfBooking,
  viewOfOutcome,
} from './control-state';
import { LogControl } from './log-control';
import { createPrepPanel, type PrepOptions, type PrepPanel } from './prep-watch';
import {
  afterBooking,
  afterLog,
  answersFor,
  knownBooked,
  NOTHING_SHOWN,
  type ShownEvent,
  showing,
} from './shown-event';

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
  const watcher = new CardWatcher(doc, deps);
  const onMutations = (): void => {
    try {
      watcher.sync();
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
    watcher.remove();
  });
  onMutations();
  return watcher.control;
}

/**
 * The control and what it knows: the event shown and the user's answers about it (shown-event.ts, replaced
 * whole at each step), and why the last reading failed (for the report the user may copy).
 */
class CardWatcher {
  readonly control: LogControl;
  private shown: ShownEvent = NOTHING_SHOWN;
  private lastFailure = '';
  private readonly url: () => string;
  private readonly prep: PrepPanel | null;

  constructor(
    private readonly doc: Document,
    private readonly deps: WatcherDeps,
  ) {
    this.url = deps.url ?? (() => doc.location?.href ?? '');
    this.control = new LogControl(doc, {
      onLog: (_event, clickedAt) => void this.logShownEvent(clickedAt),
      onReport: () => void this.copyReport(),
      isUserClick: deps.isUserClick,
      isShown: deps.isShown,
    });
    this.prep = deps.prep ? createPrepPanel(doc, deps.prep) : null;
  }

  remove(): void {
    this.control.remove();
    this.prep?.remove();
  }

  private findSurface(): Surface | null {
    if (isEditPageUrl(this.url())) {
      const root = findEditEvent(this.doc);
      if (root) return { kind: 'edit', root, key: `edit ${root.getAttribute('data-eventid') ?? this.url()}` };
    }
    const card = findCard(this.doc);
    if (!card) return null;
    return { kind: 'card', root: card, key: card.getAttribute('data-eventid') ?? card.getAttribute('jslog') ?? '' };
  }

  /** Puts the control in the surface shown; a surface showing another event starts afresh. */
  sync(): void {
    const surface = this.findSurface();
    if (!surface) return;
    const changed = surface.key !== this.shown.key;
    if (changed) {
      this.shown = showing(this.shown, surface.key);
      this.control.show(READY);
      void this.refreshStatus(surface);
    }
    if (!surface.root.contains(this.control.host)) {
      if (surface.kind === 'card') this.control.mount(findActionBar(surface.root) ?? surface.root);
      else {
        const save = queryFirst(surface.root, 'editSave');
        this.control.mount(save?.parentElement ?? surface.root, save);
      }
    }
    // After the control, and never waited for: the panel asks the background later, off this batch.
    if (surface.kind === 'card') this.prep?.sync(surface.root, changed);
  }

  private async refreshStatus(surface: Surface): Promise<void> {
    const id = eventIdOf(surface.root) ?? (surface.kind === 'edit' ? eventIdFromEditUrl(this.url()) : null);
    if (!id) return;
    try {
      const status = await this.deps.send('meetingStatus', { eventId: id.eventId });
      if (this.shown.key !== surface.key) return;
      if (status.logged) this.control.show(loggedView(status.people));
      else if ('booked' in status && status.booked) {
        this.shown = knownBooked(this.shown, id.eventId);
        this.control.show(bookedView(status.booked.people));
      }
    } catch (error) {
      if (this.shown.key === surface.key) this.control.show(failureView(error));
    }
  }

  private read(surface: Surface | null): CardReading {
    const options = { now: this.deps.now(), fallbackTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    return surface?.kind === 'edit'
      ? readEditPage(this.doc, this.url(), options)
      : readEventCard(this.doc, surface?.root ?? null, options);
  }

  private async logShownEvent(clickedAt: number): Promise<void> {
    const surface = this.findSurface();
    const reading = this.read(surface);
    if (!reading.ok) {
      this.lastFailure = reading.problem;
      const unreadable = reading.problem !== 'task' && reading.problem !== 'no-card';
      this.control.show(unreadable ? UNREADABLE_VIEW : messageView(reading.message));
      return;
    }
    const { event } = reading;
    const key = surface?.key ?? null;
    if (this.shown.booking === event.eventId) {
      this.control.show(NOTING);
      return this.bookShownEvent(event, key);
    }
    this.control.show(BUSY);
    try {
      const outcome = await this.deps.send('logMeeting', { event, ...answersFor(this.shown, event.eventId) });
      if (this.shown.key !== key) return; // the card now shows another event
      this.shown = afterLog(this.shown, event.eventId, outcome.status);
      this.control.show(viewOfOutcome(outcome));
      if (outcome.status === 'logged') this.deps.recordLog?.(performance.now() - clickedAt);
    } catch (error) {
      if (this.shown.key === key) this.control.show(failureView(error));
    }
  }

  /** The second step for a meeting to come: noted as booked, by the same rules and answers as a log. */
  private async bookShownEvent(event: CalendarEvent, key: string | null): Promise<void> {
    try {
      const outcome = await this.deps.send('noteBooked', { event, ...answersFor(this.shown, event.eventId) });
      if (this.shown.key !== key) return;
      this.shown = afterBooking(this.shown, event.eventId, outcome.status);
      this.control.show(viewOfBooking(outcome));
    } catch (error) {
      if (this.shown.key === key) this.control.show(failureView(error));
    }
  }

  private async copyReport(): Promise<void> {
    const surface = this.findSurface();
    const note = `${surface?.kind ?? 'no card'}, ${this.lastFailure || 'unread'}`;
    const report = describeStructure(surface?.root ?? this.doc.body, this.doc, note);
    try {
      await (this.deps.copy ?? ((text) => copyToClipboard(this.doc, this.control.root, text)))(report);
      this.control.say(COPIED);
    } catch {
      this.control.say("Bridges couldn't reach the clipboard. Nothing was copied.");
    }
  }
}

/**
 * What a failed request means for the user: no answer at all is the extension gone away (updated, reloaded),
 * which a reload of the page mends; any other failure is the background's own sentence (a full disk, say).
 */
function failureView(error: unknown): ControlView {
  if (error instanceof NoAnswer) return DISCONNECTED;
  return messageView(`Not logged: ${error instanceof Error ? error.message : String(error)}`, 'error');
}
