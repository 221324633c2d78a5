import { useState } from 'preact/hooks';
import type { Group } from '../lib/db/types';
import type { PersonPatch } from '../lib/people/inputs';
import type { PeopleActions } from '../lib/popup/actions';
import { affiliationOf, lastMetText, nextStepText } from '../lib/relationships/labels';
import type { RankedPerson } from '../lib/relationships/rank';
import { lazy } from '../lib/ui/lazy';
import { CatchUpControls } from './CatchUpControls';
import { StatusBadge } from './StatusBadge';

const ContactForm = lazy(() => import('./ContactForm').then((m) => m.ContactForm));

export interface StretchCardProps {
  pick: RankedPerson;
  groups: ReadonlyMap<string, Group>;
  internalDomains: readonly string[];
  now: number;
  actions: PeopleActions;
  /** After a change, with what to say and the change made (for Undo). */
  onChanged(message: string, patch?: PersonPatch): void;
}

/**
 * This week's one stretch: a relationship outside the usual circle to invest in, the same all week. Its call to
 * action plans a catch-up; a contact that already happened is logged beside it.
 */
export function StretchCard({ pick, groups, internalDomains, now, actions, onChanged }: StretchCardProps) {
  const [open, setOpen] = useState(false);
  const { person } = pick;
  const next = nextStepText(pick, now);
  const done = pick.status === 'green';
  return (
    <section class="stretch" aria-labelledby="stretch-title">
      <h2 id="stretch-title">This week's stretch</h2>
      <div class="stretch-body">
        <div class="who">
          <span class="name">{person.displayName}</span>
          <span class="details">
            {affiliationOf(person, groups, internalDomains)} · last met {lastMetText(person.lastMetAt, now)}
            {next && !done ? ` · ${next}` : ''}
          </span>
        </div>
        {done && <StatusBadge status="green" />}
      </div>
      {!done && (
        <CatchUpControls
          person={person}
          planning={pick.planning}
          now={now}
          primary={!pick.booked}
          onDone={({ outcome, change }) => onChanged(outcome.message, change ?? undefined)}
        >
          <button
            type="button"
            aria-expanded={open}
            aria-label={`Log a contact with ${person.displayName}`}
            onClick={() => setOpen(!open)}
          >
            Log
          </button>
        </CatchUpControls>
      )}
      {open && (
        <ContactForm
          email={person.email}
          name={person.displayName}
          now={now}
          actions={actions}
          onDone={(message) => {
            setOpen(false);
            onChanged(message);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </section>
  );
}
