import type { Group } from '../lib/db/types';
import type { PersonPatch } from '../lib/people/inputs';
import type { PeopleActions } from '../lib/popup/actions';
import {
  affiliationOf,
  bookedLabel,
  KIND_LABELS,
  lastMetText,
  PLANNING_TEXT,
  PRIORITY_LABELS,
} from '../lib/relationships/labels';
import type { RankedPerson } from '../lib/relationships/rank';
import { lazy } from '../lib/ui/lazy';
import { StatusBadge } from './StatusBadge';

// Loaded on the first click: not part of what every popup open loads.
const ContactForm = lazy(() => import('./ContactForm').then((m) => m.ContactForm));
const PersonActions = lazy(() => import('./PersonActions').then((m) => m.PersonActions));

export type OpenPanel = 'log' | 'more' | null;

/** The Element Timing mark on the first row's name: its paint is the popup's first list paint (bench: popup.ratio). */
export const FIRST_ROW_MARK = 'popup-first-row';

export interface PersonRowProps {
  entry: RankedPerson;
  /**
   * The first row carries the Element Timing mark (FIRST_ROW_MARK): the popup waits for its paint before its live
   * part and the rest of the page (lib/ui/after-paint.ts), and the benchmark times it.
   */
  first?: boolean;
  groups: ReadonlyMap<string, Group>;
  internalDomains: readonly string[];
  now: number;
  open: OpenPanel;
  actions: PeopleActions;
  onToggle(panel: OpenPanel): void;
  onChanged(message: string, patch?: PersonPatch): void;
}

/** One person: status, name, where they belong, when last met; Log and More open a panel under the row. */
export function PersonRow({
  entry,
  first = false,
  groups,
  internalDomains,
  now,
  open,
  actions,
  onToggle,
  onChanged,
}: PersonRowProps) {
  const { person, status, cadence } = entry;
  const details = [affiliationOf(person, groups, internalDomains), person.kind ? KIND_LABELS[person.kind] : null]
    .filter(Boolean)
    .join(' · ');
  const next = bookedLabel(person, now);
  const tags = [
    person.team ? 'My team' : null,
    person.ignored ? 'Ignored' : null,
    person.snoozedUntil !== null && person.snoozedUntil > now ? 'Snoozed' : null,
    person.priority === 'high' ? PRIORITY_LABELS.high : null,
    entry.planning ? PLANNING_TEXT : null,
  ].filter(Boolean);
  const panelId = `panel-${person.email}`;
  return (
    <li class={`person ${status}`} data-email={person.email}>
      <div class="person-line">
        <StatusBadge status={status} />
        <div class="who">
          <span class="name" title={person.email} elementtiming={first ? FIRST_ROW_MARK : undefined}>
            {person.displayName}
          </span>
          <span class="details">{details}</span>
          <span class="last-met">
            Last met {lastMetText(person.lastMetAt, now)}
            {next && <strong class="next-step"> · {next}</strong>}
            {tags.length > 0 && <span class="tags"> · {tags.join(' · ')}</span>}
          </span>
        </div>
        <div class="row-actions">
          <button
            type="button"
            class={open === 'log' ? 'primary' : ''}
            aria-expanded={open === 'log'}
            aria-controls={panelId}
            aria-label={`Log a contact with ${person.displayName}`}
            onClick={() => onToggle(open === 'log' ? null : 'log')}
          >
            Log
          </button>
          <button
            type="button"
            class="icon"
            aria-expanded={open === 'more'}
            aria-controls={panelId}
            aria-label={`More for ${person.displayName}`}
            onClick={() => onToggle(open === 'more' ? null : 'more')}
          >
            ⋯
          </button>
        </div>
      </div>
      <div id={panelId}>
        {open === 'log' && (
          <ContactForm
            email={person.email}
            name={person.displayName}
            now={now}
            actions={actions}
            onDone={(message) => onChanged(message)}
            onCancel={() => onToggle(null)}
          />
        )}
        {open === 'more' && (
          <PersonActions
            person={person}
            cadence={cadence}
            now={now}
            actions={actions}
            onChanged={onChanged}
            onCancel={() => onToggle(null)}
          />
        )}
      </div>
    </li>
  );
}
