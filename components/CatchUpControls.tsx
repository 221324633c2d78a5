import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { emailLink } from '../lib/catchup/mailto';
import type { Outcome } from '../lib/catchup/plan';
import { CALENDAR_NAMES, type CatchUpSettings, guestInLink } from '../lib/catchup/settings';
import type { Person } from '../lib/db/types';
import type { PersonPatch } from '../lib/people/inputs';
import { CatchUpContext } from './catch-up-context';

type Someone = Pick<Person, 'email' | 'displayName' | 'planningSince'>;
// What the clicks do, with the link builders and their dates, loads on the first click: the week's stretch shows
// these controls on every open of the popup.
const load = () => import('../lib/catchup/plan');

/** What a click did: the change it asked for (to undo from the popup's toast), and what happened. */
export interface CatchUpDone {
  outcome: Outcome;
  /** The change made ({ planCatchUp: true } or { planningSince: null }), or null when none was. */
  change: PersonPatch | null;
}

export interface CatchUpControlsProps {
  person: Someone;
  /** Whether a catch-up with them is being planned now (isPlanning). */
  planning: boolean;
  now: number;
  /** The card's one call to action (the week's stretch). */
  primary?: boolean;
  /** Whether to say, under the buttons, that Outlook opens without the guest (not on every row of a table). */
  hint?: boolean;
  /** Where what happened goes (the popup's toast); without it, the controls say it themselves, with Undo. */
  onDone?(done: CatchUpDone): void;
  /** More buttons for the same row (the week's stretch's Log). */
  children?: ComponentChildren;
}

/**
 * "Plan a catch-up" (a new event in the user's calendar, in a new tab), "Email" (a new message to them) and, while
 * one is being planned, "Not planning". Each is named with the person, for the keyboard and screen readers.
 */
export function CatchUpControls({
  person,
  planning,
  now,
  primary = false,
  hint = true,
  onDone,
  children,
}: CatchUpControlsProps) {
  const host = useContext(CatchUpContext);
  const [settings, setSettings] = useState<CatchUpSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Outcome | null>(null);
  useEffect(() => {
    if (!hint) return; // read for the hint only: a table of rows reads nothing until a click
    let live = true;
    void host?.settings().then(
      (s) => live && setSettings(s),
      () => undefined, // the click reads them again, and says what fails
    );
    return () => {
      live = false;
    };
  }, [host, hint]);
  if (!host) return null;
  const name = person.displayName;

  async function act(run: () => Promise<Outcome | null>, change: PersonPatch | null) {
    setBusy(true);
    let outcome: Outcome | null;
    try {
      outcome = await run();
    } catch (error) {
      // The settings could not be read, or the code not loaded: said, never dropped.
      outcome = {
        message: `Not done: ${error instanceof Error ? error.message : String(error)}`,
        error: true,
        undo: null,
      };
    } finally {
      setBusy(false);
    }
    if (!outcome) return;
    if (onDone) onDone({ outcome, change: outcome.undo ? change : null });
    else setSaid(outcome);
  }

  return (
    <div class="catch-up">
      <div class="row-buttons">
        <button
          type="button"
          class={primary ? 'primary' : undefined}
          disabled={busy}
          aria-label={`Plan a catch-up with ${name}`}
          onClick={() => void act(async () => (await load()).planCatchUp(host, person, now), { planCatchUp: true })}
        >
          Plan a catch-up
        </button>
        <a
          class="button"
          href={emailLink(person.email)}
          aria-label={`Email ${name}`}
          onClick={(event) => {
            event.preventDefault();
            void act(async () => (await load()).emailThem(host, person), null);
          }}
        >
          Email
        </a>
        {planning && (
          <button
            type="button"
            disabled={busy}
            aria-label={`Not planning a catch-up with ${name}`}
            onClick={() => void act(async () => (await load()).stopPlanning(host, person), { planningSince: null })}
          >
            Not planning
          </button>
        )}
        {children}
      </div>
      {hint && settings && !guestInLink(settings.calendar) && (
        <p class="hint">
          {CALENDAR_NAMES[settings.calendar]} opens without the guest: Bridges copies {name}'s address for you to paste
          in.
        </p>
      )}
      {said && <CatchUpOutcome email={person.email} outcome={said} onUndone={() => setSaid(null)} />}
    </div>
  );
}

/** What a catch-up control did, with Undo when it changed something. */
export function CatchUpOutcome({ email, outcome, onUndone }: { email: string; outcome: Outcome; onUndone(): void }) {
  const host = useContext(CatchUpContext);
  const [failed, setFailed] = useState('');
  const { undo } = outcome;
  return (
    <p class={outcome.error || failed ? 'error' : 'saved'} role={outcome.error || failed ? 'alert' : 'status'}>
      {failed || outcome.message}{' '}
      {undo && host && !failed && (
        <button
          type="button"
          class="link"
          onClick={() =>
            void host
              .update([email], undo)
              .then(onUndone, (e: unknown) => setFailed(`Not undone: ${e instanceof Error ? e.message : String(e)}`))
          }
        >
          Undo
        </button>
      )}
    </p>
  );
}
