import { describe, expect, it } from 'vitest';
import {
  afterBooking,
  afterLog,
  answersFor,
  knownBooked,
  NOTHING_SHOWN,
  type ShownEvent,
  showing,
} from '../../lib/content/shown-event';

const shown = (state: Partial<ShownEvent>): ShownEvent => ({ ...NOTHING_SHOWN, key: 'card a', ...state });

describe("shown-event: the Log control's conversation about the event shown, step by step", () => {
  it('forgets the answers when the card shows another event, and keeps them while it shows the same', () => {
    const answered = shown({ confirmed: 'e1', anyway: 'e1', booking: 'e1' });
    expect(showing(answered, 'card a')).toBe(answered);
    expect(showing(answered, 'card b')).toEqual({ key: 'card b', confirmed: null, anyway: null, booking: null });
  });

  it('carries an answer only for the event it was given for', () => {
    const state = shown({ confirmed: 'e1', anyway: 'e2' });
    expect(answersFor(state, 'e1')).toEqual({ confirmed: true, logAnyway: false });
    expect(answersFor(state, 'e2')).toEqual({ confirmed: false, logAnyway: true });
    expect(answersFor(state, 'e3')).toEqual({ confirmed: false, logAnyway: false });
  });

  it('remembers a question a log asked, ends the answers on any other outcome, and turns to booking for a meeting to come', () => {
    const asked = afterLog(shown({}), 'e1', 'needs-confirmation');
    expect(asked).toMatchObject({ confirmed: 'e1', anyway: null });
    const both = afterLog(asked, 'e1', 'response-unknown');
    expect(both).toMatchObject({ confirmed: 'e1', anyway: 'e1' });
    expect(afterLog(both, 'e1', 'logged')).toEqual(shown({}));
    expect(afterLog(both, 'e1', 'not-started')).toEqual(shown({ booking: 'e1' }));
  });

  it('keeps the answers after noting as booked, and logs a meeting that has started', () => {
    const booking = knownBooked(shown({ confirmed: 'e1' }), 'e1');
    expect(booking).toEqual(shown({ confirmed: 'e1', booking: 'e1' }));
    expect(afterBooking(booking, 'e1', 'response-unknown')).toEqual(
      shown({ confirmed: 'e1', anyway: 'e1', booking: 'e1' }),
    );
    expect(afterBooking(booking, 'e1', 'booked')).toEqual(booking);
    expect(afterBooking(booking, 'e1', 'started')).toEqual(shown({ confirmed: 'e1' }));
  });
});
