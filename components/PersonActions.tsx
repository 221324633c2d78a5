import { useState } from 'preact/hooks';
import { type Person, PRIORITIES, type Priority, type RelationshipKind } from '../lib/db/types';
import type { PersonPatch } from '../lib/people/inputs';
import type { PeopleActions } from '../lib/popup/actions';
import { isPlanning } from '../lib/relationships/booking';
import type { Cadence } from '../lib/relationships/cadence';
import { KIND_LABELS } from '../lib/relationships/labels';
import { checkCadence } from '../lib/settings-validation';
import { useCommand } from '../lib/ui/use-command';
import { useEscape } from '../lib/ui/use-escape';
import { CatchUpControls } from './CatchUpControls';
import { CommandStatus } from './CommandStatus';
import { DaysInput } from './DaysInput';
import { KindOptions } from './KindOptions';

/**
 * Each priority's text in the select, shorter than PRIORITY_LABELS ("High priority") under its "Priority" label:
 * a priority added to PRIORITIES does not compile until it has one here.
 */
const PRIORITY_OPTIONS: Record<Priority, string> = { high: 'High', normal: 'Normal', low: 'Low' };

export interface PersonActionsProps {
  person: Person;
  cadence: Cadence;
  now: number;
  actions: PeopleActions;
  /** Called after a change, with what to say and how to take it back. */
  onChanged(message: string, patch: PersonPatch): void;
  onCancel(): void;
}

/**
 * Plan a catch-up, email, snooze, priority, cadence, my team, ignore: each a native control, so the keyboard
 * reaches all of them.
 */
export function PersonActions({ person, cadence, now, actions, onChanged, onCancel }: PersonActionsProps) {
  const [ideal, setIdeal] = useState(String(cadence.idealDays));
  const [max, setMax] = useState(String(cadence.maxDays));
  const acting = useCommand();
  const name = person.displayName;
  useEscape(onCancel);

  /** Saves a change; what it did is said by `onChanged` (the popup's toast, with Undo), a refusal here. */
  async function apply(patch: PersonPatch, message: string) {
    const applied = await acting.attempt(() => actions.update([person.email], patch), null, '');
    if (applied) onChanged(message, patch);
  }

  function saveCadence(event: Event) {
    event.preventDefault();
    const checked = checkCadence({ idealDays: ideal, maxDays: max });
    if (!checked.ok) {
      acting.say(checked.message, true);
      return;
    }
    const { idealDays, maxDays } = checked.value;
    void apply({ idealDays, maxDays }, `${name}: every ${idealDays} days, at most ${maxDays}.`);
  }

  const snoozed = person.snoozedUntil !== null && person.snoozedUntil > now;
  return (
    <div class="panel">
      <CatchUpControls
        person={person}
        planning={isPlanning(person, now)}
        now={now}
        onDone={({ outcome, change }) =>
          change ? onChanged(outcome.message, change) : acting.say(outcome.message, outcome.error)
        }
      />
      <fieldset class="row-buttons">
        <legend class="visually-hidden">Snooze</legend>
        {snoozed ? (
          <button type="button" onClick={() => apply({ snoozedUntil: null }, `${name} is back in the list.`)}>
            Stop snoozing
          </button>
        ) : (
          <>
            <button type="button" onClick={() => apply({ snoozeFor: 'week' }, `Snoozed ${name} for a week.`)}>
              Snooze a week
            </button>
            <button type="button" onClick={() => apply({ snoozeFor: 'month' }, `Snoozed ${name} for a month.`)}>
              Snooze a month
            </button>
          </>
        )}
      </fieldset>
      <label class="field">
        <span>Priority</span>
        <select
          value={person.priority}
          onChange={(e) => {
            const priority = e.currentTarget.value as Priority;
            void apply({ priority }, `${name} is now ${priority} priority.`);
          }}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_OPTIONS[p]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Kind of relationship</span>
        <select
          value={person.kind ?? ''}
          onChange={(e) => {
            const kind = (e.currentTarget.value || null) as RelationshipKind | null;
            void apply({ kind }, kind ? `${name}: ${KIND_LABELS[kind].toLowerCase()}.` : `${name}: no kind set.`);
          }}
        >
          <KindOptions none="Not set" />
        </select>
      </label>
      <form class="cadence" onSubmit={saveCadence}>
        <label class="field small">
          <span>Ideal (days)</span>
          <DaysInput value={ideal} onValue={setIdeal} />
        </label>
        <label class="field small">
          <span>At most (days)</span>
          <DaysInput value={max} onValue={setMax} />
        </label>
        <button type="submit">Set cadence</button>
      </form>
      <CommandStatus state={acting} />
      <div class="row-buttons">
        <button
          type="button"
          onClick={() =>
            apply(
              { team: !person.team },
              person.team ? `${name} is no longer on your team.` : `${name} is on your team now.`,
            )
          }
        >
          {person.team ? 'Remove from my team' : 'Mark as my team'}
        </button>
        <button
          type="button"
          onClick={() =>
            apply({ ignored: !person.ignored }, person.ignored ? `${name} is back in the list.` : `Ignoring ${name}.`)
          }
        >
          {person.ignored ? 'Stop ignoring' : 'Ignore'}
        </button>
      </div>
    </div>
  );
}
