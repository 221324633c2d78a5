import { readEventCard } from '../calendar/google/card';
import { decodeEventId } from '../calendar/google/event-id';
import { findActionBar, findCard } from '../calendar/google/selectors';
import type { sendMessage } from '../messaging';
import { BUSY, DISCONNECTED, loggedView, messageView, READY, viewOfOutcome } from './control-state';
import { LogControl } from './log-control';

export interface WatcherDeps {
  send: typeof sendMessage;
  now: () => number;
  /** Benchmark builds only: receives the cost of each mutation batch, in milliseconds. */
  recordBatch?: (ms: number) => void;
}

/**
 * Keeps the Log control in whatever event card Calendar shows, and acts on the event shown at the moment
 * of the click. The mutation callback runs on every change to Calendar's page, so it does only an id lookup
 * and two attribute reads unless the card changed.
 */
export function watchEventCards(doc: Document, signal: AbortSignal, deps: WatcherDeps): () => void {
  const control = new LogControl(doc, () => void logShownEvent());
  let shownId: string | null = null;
  let confirmFor: string | null = null;

  const sync = (): void => {
    const card = findCard(doc);
    if (!card) return;
    const id = card.getAttribute('data-eventid');
    if (id !== shownId) {
      shownId = id;
      confirmFor = null;
      control.show(READY);
      void refreshStatus(id);
    }
    if (!card.contains(control.host)) control.mount(findActionBar(card) ?? card);
  };

  async function refreshStatus(encoded: string | null): Promise<void> {
    const id = encoded ? decodeEventId(encoded) : null;
    if (!id) return;
    try {
      const status = await deps.send('meetingStatus', { eventId: id.eventId });
      if (shownId === encoded && status.logged) control.show(loggedView(status.people));
    } catch {
      if (shownId === encoded) control.show(DISCONNECTED);
    }
  }

  async function logShownEvent(): Promise<void> {
    const card = findCard(doc);
    const encoded = card?.getAttribute('data-eventid') ?? null;
    const reading = readEventCard(doc, card, {
      now: deps.now(),
      fallbackTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    if (!reading.ok) {
      control.show(messageView(reading.message, 'error'));
      return;
    }
    const confirmed = confirmFor === reading.event.eventId;
    control.show(BUSY);
    try {
      const outcome = await deps.send('logMeeting', { event: reading.event, confirmed });
      if (shownId !== encoded) return; // the card now shows another event
      confirmFor = outcome.status === 'needs-confirmation' ? reading.event.eventId : null;
      control.show(viewOfOutcome(outcome));
    } catch {
      if (shownId === encoded) control.show(DISCONNECTED);
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
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-eventid'] });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    control.host.remove();
  });
  onMutations();
  return () => observer.disconnect();
}
