import { useState } from 'preact/hooks';
import type { Group } from '../lib/db/types';
import type { PeopleActions } from '../lib/popup/actions';
import { affiliationOf, lastMetText } from '../lib/relationships/labels';
import type { RankedPerson } from '../lib/relationships/rank';
import { lazy } from '../lib/ui/lazy';
import { StatusBadge } from './StatusBadge';

const ContactForm = lazy(() => import('./ContactForm').then((m) => m.ContactForm));

export interface StretchCardProps {
  pick: RankedPerson;
  groups: ReadonlyMap<string, Group>;
  internalDomains: readonly string[];
  now: number;
  actions: PeopleActions;
  onChanged(message: string): void;
}

/** This week's one stretch: a relationship outside the usual circle to invest in, the same all week. */
export function StretchCard({ pick, groups, internalDomains, now, actions, onChanged }: StretchCardProps) {
  const [open, setOpen] = useState(false);
  const { person } = pick;
  const done = pick.status === 'green';
  return (
    <section class="stretch" aria-labelledby="stretch-title">
      <h2 id="stretch-title">This week's stretch</h2>
      <div class="stretch-body">
        <div class="who">
          <span class="name">{person.displayName}</span>
          <span class="details">
            {affiliationOf(person, groups, internalDomains)} · last met {lastMetText(person.lastMetAt, now)}
          </span>
        </div>
        {done ? (
          <StatusBadge status="green" />
        ) : (
          <button
            type="button"
            class="primary"
            aria-expanded={open}
            aria-label={`Reach out to ${person.displayName}`}
            onClick={() => setOpen(!open)}
          >
            Reach out
          </button>
        )}
      </div>
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
