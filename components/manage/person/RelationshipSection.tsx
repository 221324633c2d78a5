import { useState } from 'preact/hooks';
import { type Group, type Person, PRIORITIES, type Priority, type RelationshipKind } from '../../../lib/db/types';
import { sendMessage } from '../../../lib/messaging';
import type { PersonPatch } from '../../../lib/people/inputs';
import { type Cadence, type CadenceDefaults, cadenceOf } from '../../../lib/relationships/cadence';
import { checkCadence } from '../../../lib/settings-validation';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';
import { DaysInput } from '../../DaysInput';
import { KindOptions } from '../../KindOptions';

/** The relationship: kind, priority, group, their own cadence, my team. */
export function RelationshipSection({
  person,
  cadence,
  cadences,
  groups,
}: {
  person: Person;
  cadence: Cadence;
  cadences: CadenceDefaults;
  groups: readonly Group[];
}) {
  const saving = useCommand();
  const change = (patch: PersonPatch, done: string) =>
    void saving.run(() => sendMessage('updatePeople', { emails: [person.email], patch }), done, 'Not saved:');
  return (
    <>
      <h3 id="relationship">The relationship</h3>
      <label class="field">
        <span>Kind</span>
        <select
          value={person.kind ?? ''}
          onChange={(e) => change({ kind: (e.currentTarget.value || null) as RelationshipKind | null }, 'Kind saved.')}
        >
          <KindOptions none="Not set" />
        </select>
      </label>
      <label class="field">
        <span>Priority</span>
        <select
          value={person.priority}
          onChange={(e) => change({ priority: e.currentTarget.value as Priority }, 'Priority saved.')}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Group</span>
        <select
          value={person.groupId ?? ''}
          onChange={(e) => change({ groupId: e.currentTarget.value || null }, 'Group saved.')}
        >
          <option value="">No group</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <p>
        Cadence: every {cadence.idealDays} days, at most {cadence.maxDays}
        {person.idealDays === null ? ' (the default for their priority)' : ''}.{' '}
        {person.idealDays !== null && (
          <button
            type="button"
            class="link"
            onClick={() => change({ idealDays: null, maxDays: null }, 'Back to the default cadence.')}
          >
            Use the default ({cadenceOf({ ...person, idealDays: null, maxDays: null }, cadences).idealDays} days)
          </button>
        )}
      </p>
      <CadenceForm
        key={`${cadence.idealDays}/${cadence.maxDays}`}
        ideal={cadence.idealDays}
        max={cadence.maxDays}
        onSave={(idealDays, maxDays) => change({ idealDays, maxDays }, `Every ${idealDays} days, at most ${maxDays}.`)}
        onProblem={(problem) => saving.say(problem, true)}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={person.team}
          onChange={(e) =>
            change({ team: e.currentTarget.checked }, e.currentTarget.checked ? 'On your team.' : 'Not on your team.')
          }
        />
        On my team
      </label>
      <CommandStatus state={saving} />
    </>
  );
}

/** Their own cadence, as typed: saved when the cadence rule takes it, else the rule's sentence is said. */
function CadenceForm({
  ideal,
  max,
  onSave,
  onProblem,
}: {
  ideal: number;
  max: number;
  onSave(ideal: number, max: number): void;
  onProblem(problem: string): void;
}) {
  const [draft, setDraft] = useState({ ideal: String(ideal), max: String(max) });
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkCadence({ idealDays: draft.ideal, maxDays: draft.max });
        if (checked.ok) onSave(checked.value.idealDays, checked.value.maxDays);
        else onProblem(checked.message);
      }}
    >
      <label class="field inline">
        <span>Ideal</span>
        <DaysInput value={draft.ideal} onValue={(ideal) => setDraft({ ...draft, ideal })} />
      </label>
      <label class="field inline">
        <span>At most</span>
        <DaysInput value={draft.max} onValue={(max) => setDraft({ ...draft, max })} />
      </label>
      <button type="submit">Set cadence</button>
    </form>
  );
}
