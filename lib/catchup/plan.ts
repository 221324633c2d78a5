import type { Person } from '../db/types';
import type { PersonPatch } from '../people/inputs';
import { calendarLink, invitationFor } from './links';
import { emailLink } from './mailto';
import { type CatchUpSettings, guestInLink } from './settings';

/** What a page gives "Plan a catch-up" and "Email" to act with: its settings, its commands, the browser's tab. */
export interface CatchUpHost {
  /** The catch-up settings as they are now. */
  settings(): Promise<CatchUpSettings>;
  /** The updatePeople command: the background alone writes the mark. */
  update(emails: string[], patch: PersonPatch): Promise<void>;
  /** Opens `url` in a new tab (the user's calendar, their mail). */
  open(url: string): Promise<void>;
  /** Puts `text` on the clipboard (from the user's click: no permission needed). */
  copy(text: string): Promise<void>;
}

/** What happened, in a sentence; with the change that takes the mark back, when one was made. */
export interface Outcome {
  message: string;
  error: boolean;
  undo: PersonPatch | null;
}

type Someone = Pick<Person, 'email' | 'displayName' | 'planningSince'>;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');

/**
 * "Plan a catch-up": the new event opens in the user's calendar, and the person shows "Catch-up being planned"
 * (the background stamps the time). The mark is asked for before the tab opens: opening a tab closes the
 * toolbar popup, and with it anything it had not sent yet. Where the calendar's link cannot carry the guest
 * (Outlook), their address goes on the clipboard first, while the click still counts as the user's.
 */
export async function planCatchUp(host: CatchUpHost, person: Someone, now: number): Promise<Outcome> {
  const settings = await host.settings();
  const invitation = invitationFor(person, settings, now);
  const name = person.displayName;
  const copied = guestInLink(settings.calendar)
    ? null
    : await host.copy(person.email).then(
        () => true,
        () => false,
      );
  const marked = await host.update([person.email], { planCatchUp: true }).then(
    () => null,
    (error: unknown) => reason(error),
  );
  try {
    await host.open(calendarLink(invitation, settings.calendar));
  } catch (error) {
    // No invitation to finish: the mark goes too.
    if (marked === null) await host.update([person.email], { planningSince: person.planningSince }).catch(() => null);
    return { message: `Bridges could not open your calendar: ${reason(error)}.`, error: true, undo: null };
  }
  const undo = marked === null ? { planningSince: person.planningSince } : null;
  const guest =
    copied === null
      ? `Your calendar is open in a new tab with an invitation for ${name}.`
      : copied
        ? `Outlook is open in a new tab. ${name}'s address is on your clipboard: paste it as the guest.`
        : `Outlook is open in a new tab: add ${person.email} as the guest.`;
  if (marked !== null) return { message: `${guest} Bridges could not note the plan: ${marked}.`, error: true, undo };
  return { message: guest, error: false, undo };
}

/** "Not planning": the mark goes, and comes back with Undo. */
export async function stopPlanning(host: CatchUpHost, person: Someone): Promise<Outcome> {
  try {
    await host.update([person.email], { planningSince: null });
    return {
      message: `No catch-up being planned with ${person.displayName}.`,
      error: false,
      undo: { planningSince: person.planningSince },
    };
  } catch (error) {
    return { message: `Not changed: ${reason(error)}.`, error: true, undo: null };
  }
}

/** "Email": a new message to them in the user's mail. */
export async function emailThem(host: CatchUpHost, person: Pick<Person, 'email'>): Promise<Outcome | null> {
  try {
    await host.open(emailLink(person.email));
    return null;
  } catch (error) {
    return { message: `Bridges could not open your mail: ${reason(error)}.`, error: true, undo: null };
  }
}
