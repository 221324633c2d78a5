import type { LogOutcome } from '../logging/service';

/** What the Log control shows. Pure data, so every wording is tested. */
export interface ControlView {
  /** The button's text, which is its accessible name; always starts with "Log". */
  label: string;
  /** A sentence beside the button (a rule that applied, a problem), or "". */
  message: string;
  tone: 'neutral' | 'success' | 'warning' | 'error';
  busy: boolean;
  /** True while the next click confirms a large meeting. */
  confirming: boolean;
}

export const READY: ControlView = {
  label: 'Log meeting',
  message: '',
  tone: 'neutral',
  busy: false,
  confirming: false,
};
export const BUSY: ControlView = { ...READY, label: 'Logging…', busy: true };

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

export function loggedView(count: number, message = ''): ControlView {
  return { label: `Logged · ${people(count)}`, message, tone: 'success', busy: false, confirming: false };
}

export function messageView(message: string, tone: ControlView['tone'] = 'warning'): ControlView {
  return { ...READY, message, tone };
}

export function viewOfOutcome(outcome: LogOutcome): ControlView {
  switch (outcome.status) {
    case 'logged':
      return loggedView(outcome.people);
    case 'already-logged':
      return loggedView(outcome.people, 'Already in your log: nothing changed.');
    case 'not-started':
      return messageView("Not logged: this meeting hasn't started yet.");
    case 'declined':
      return messageView('Not logged: you declined this meeting.');
    case 'no-one':
      return messageView('No one to log: there are no other guests.');
    case 'needs-confirmation':
      return {
        label: `Log ${people(outcome.count)}?`,
        message: `This meeting has ${people(outcome.count)}, over your limit of ${outcome.limit}. Click again to log them all.`,
        tone: 'warning',
        busy: false,
        confirming: true,
      };
    case 'invalid':
      return messageView(
        "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.",
        'error',
      );
  }
}

export const DISCONNECTED = messageView('Bridges was updated or restarted: reload this page to log meetings.', 'error');
