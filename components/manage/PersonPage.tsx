import { useState } from 'preact/hooks';
import type { PersonPatch } from '../../lib/commands/update-people';
import { getDb } from '../../lib/db/app-db';
import { PRIORITIES, type Priority, type RelationshipKind } from '../../lib/db/types';
import type { ManageData } from '../../lib/manage/use-manage-data';
import { sendMessage } from '../../lib/messaging';
import { cadenceOf } from '../../lib/relationships/cadence';
import { affiliationOf, lastMetText } from '../../lib/relationships/labels';
import { assess } from '../../lib/relationships/rank';
import { checkCadences } from '../../lib/settings-validation';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { KindOptions } from '../KindOptions';
import { StatusBadge } from '../StatusBadge';

const day = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** One person: their timeline, what matters to them, thanks owed, cadence and kind, merge and delete. */
export function PersonPage({ data, email }: { data: ManageData; email: string }) {
  const person = data.people.find((p) => p.email === email);
  const timeline = useLiveQuery(
    () => getDb().interactions.where('people').equals(email).reverse().sortBy('start'),
    [email],
  );
  const [note, setNote] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [mergeWith, setMergeWith] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  if (!person) {
    return (
      <p>
        No one with the address {email} is in Bridges. <a href="#/people">Back to everyone</a>
      </p>
    );
  }
  const { status, cadence } = assess(person, { now: data.now, cadences: data.cadences });
  const names = new Map(data.people.map((p) => [p.email, p.displayName]));

  async function change(patch: PersonPatch, done: string) {
    try {
      await sendMessage('updatePeople', { emails: [person?.email ?? email], patch });
      setMessage(done);
    } catch (e) {
      setMessage(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <article class="person-page">
      <p>
        <a href="#/people">← Everyone</a>
      </p>
      <header class="person-head">
        <h2>{person.displayName}</h2>
        <StatusBadge status={status} />
      </header>
      <p class="muted">
        {person.email} · {affiliationOf(person, data.groupsById, data.internalDomains)} · last met{' '}
        {lastMetText(person.lastMetAt, data.now)} · {person.interactionCount}{' '}
        {person.interactionCount === 1 ? 'interaction' : 'interactions'} since {day(person.firstMetAt)}
      </p>
      {message && (
        <p class="saved" role="status">
          {message}
        </p>
      )}
      <div class="person-grid">
        <section class="card" aria-labelledby="about">
          <h3 id="about">What matters to them</h3>
          <textarea
            rows={5}
            maxLength={5000}
            aria-labelledby="about"
            placeholder="Their biggest challenge, what they care about"
            value={note ?? person.note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="button" onClick={() => void change({ note: note ?? person.note }, 'Note saved.')}>
            Save note
          </button>
          <h3>Thanks</h3>
          {person.thanksOwedSince !== null ? (
            <p>
              You owe them thanks since {day(person.thanksOwedSince)}.{' '}
              <button
                type="button"
                onClick={() => void change({ thanksOwedSince: null, thanksSettledAt: Date.now() }, 'Thanks settled.')}
              >
                Mark as thanked
              </button>
            </p>
          ) : (
            <p>
              {person.thanksSettledAt !== null ? `Thanked on ${day(person.thanksSettledAt)}. ` : ''}
              <button
                type="button"
                onClick={() => void change({ thanksOwedSince: Date.now() }, 'Noted: you owe them thanks.')}
              >
                I owe them thanks
              </button>
            </p>
          )}
        </section>
        <section class="card" aria-labelledby="relationship">
          <h3 id="relationship">The relationship</h3>
          <label class="field">
            <span>Kind</span>
            <select
              value={person.kind ?? ''}
              onChange={(e) =>
                void change({ kind: (e.currentTarget.value || null) as RelationshipKind | null }, 'Kind saved.')
              }
            >
              <KindOptions none="Not set" />
            </select>
          </label>
          <label class="field">
            <span>Priority</span>
            <select
              value={person.priority}
              onChange={(e) => void change({ priority: e.currentTarget.value as Priority }, 'Priority saved.')}
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
              onChange={(e) => void change({ groupId: e.currentTarget.value || null }, 'Group saved.')}
            >
              <option value="">No group</option>
              {data.groups.map((g) => (
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
                onClick={() => void change({ idealDays: null, maxDays: null }, 'Back to the default cadence.')}
              >
                Use the default ({cadenceOf({ ...person, idealDays: null, maxDays: null }, data.cadences).idealDays}{' '}
                days)
              </button>
            )}
          </p>
          <CadenceForm
            key={`${cadence.idealDays}/${cadence.maxDays}`}
            ideal={cadence.idealDays}
            max={cadence.maxDays}
            onSave={(idealDays, maxDays) =>
              void change({ idealDays, maxDays }, `Every ${idealDays} days, at most ${maxDays}.`)
            }
          />
          <label class="check">
            <input
              type="checkbox"
              checked={person.team}
              onChange={(e) =>
                void change(
                  { team: e.currentTarget.checked },
                  e.currentTarget.checked ? 'On your team.' : 'Not on your team.',
                )
              }
            />
            On my team
          </label>
          <h3>Merge</h3>
          <p class="hint">One person, two addresses: their history joins this one, nothing is lost.</p>
          <div class="inline-form">
            <select aria-label="Merge with" value={mergeWith} onChange={(e) => setMergeWith(e.currentTarget.value)}>
              <option value="">Choose the other entry…</option>
              {data.people
                .filter((p) => p.email !== person.email)
                .sort((a, b) => a.displayName.localeCompare(b.displayName))
                .map((p) => (
                  <option key={p.email} value={p.email}>
                    {p.displayName} ({p.email})
                  </option>
                ))}
            </select>
            <button
              type="button"
              disabled={!mergeWith}
              onClick={() =>
                void sendMessage('mergePeople', { keep: person.email, gone: mergeWith }).then(
                  () => setMessage(`Merged ${mergeWith} into ${person.displayName}.`),
                  (e: Error) => setMessage(`Not merged: ${e.message}`),
                )
              }
            >
              Merge into {person.displayName}
            </button>
          </div>
          <h3>Delete</h3>
          {confirmDelete ? (
            <p>
              Delete {person.displayName} and their name from every meeting?{' '}
              <button
                type="button"
                class="danger"
                onClick={() =>
                  void sendMessage('deletePerson', { email: person.email }).then(() => (location.hash = '#/people'))
                }
              >
                Delete
              </button>{' '}
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep
              </button>
            </p>
          ) : (
            <button type="button" onClick={() => setConfirmDelete(true)}>
              Delete {person.displayName}…
            </button>
          )}
        </section>
      </div>
      <section class="card" aria-labelledby="timeline">
        <h3 id="timeline">Timeline</h3>
        <ol class="timeline">
          {(timeline ?? []).map((i) => (
            <li key={i.key}>
              <span class="when">{day(i.start)}</span> <strong>{i.title}</strong> <span class="muted">({i.kind})</span>
              {i.people.length > 1 && (
                <div class="muted">
                  With{' '}
                  {i.people
                    .filter((e) => e !== person.email)
                    .map((e) => names.get(e) ?? e)
                    .join(', ')}
                </div>
              )}
              {i.note && <div class="note">{i.note}</div>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function CadenceForm({ ideal, max, onSave }: { ideal: number; max: number; onSave(ideal: number, max: number): void }) {
  const [draft, setDraft] = useState({ ideal: String(ideal), max: String(max) });
  const [error, setError] = useState('');
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const same = { idealDays: draft.ideal, maxDays: draft.max };
        const checked = checkCadences({ high: same, normal: same, low: same });
        if (!checked.ok) {
          setError(checked.message.replace(/^High priority: /, ''));
          return;
        }
        setError('');
        onSave(checked.value.high.idealDays, checked.value.high.maxDays);
      }}
    >
      <label class="field inline">
        <span>Ideal</span>
        <input
          type="number"
          min={1}
          max={3650}
          value={draft.ideal}
          onInput={(e) => setDraft({ ...draft, ideal: e.currentTarget.value })}
        />
      </label>
      <label class="field inline">
        <span>At most</span>
        <input
          type="number"
          min={1}
          max={3650}
          value={draft.max}
          onInput={(e) => setDraft({ ...draft, max: e.currentTarget.value })}
        />
      </label>
      <button type="submit">Set cadence</button>
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
