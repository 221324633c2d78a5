import { useEffect, useMemo, useState } from 'preact/hooks';
import { FirstRun } from '../../components/FirstRun';
import { NeglectList } from '../../components/NeglectList';
import { FIRST_ROW_MARK } from '../../components/PersonRow';
import { TeamSuggestions } from '../../components/TeamSuggestions';
import type { Interaction } from '../../lib/db/types';
import type { PersonPatch } from '../../lib/people/inputs';
import { type PeopleActions, undoPatch } from '../../lib/popup/actions';
import { modelFromFirstPaint } from '../../lib/popup/first-paint';
import { buildPopupModel, popupSettingsOf, searchPeople } from '../../lib/popup/model';
import type { PopupData } from '../../lib/popup/snapshot';
import { assess } from '../../lib/relationships/rank';
import { suggestTeammates } from '../../lib/relationships/team-suggestions';
import { afterPaintOf } from '../../lib/ui/after-paint';
import { lazy } from '../../lib/ui/lazy';

// Dexie, the message protocol and the browser API load after the list is painted (lib/popup/live.ts).
const loadLive = () => import('../../lib/popup/live');
// The week's stretch is known only once the live part has asked the background for it, after the first paint: its
// card, and the catch-up controls on it, load then.
const StretchCard = lazy(() => import('../../components/StretchCard').then((m) => m.StretchCard));
// Shown only after an action.
const Toast = lazy(() => import('../../components/Toast').then((m) => m.Toast));
const actions: PeopleActions = {
  logContact: async (input) => (await loadLive()).actions.logContact(input),
  update: async (emails, patch) => (await loadLive()).actions.update(emails, patch),
};

export interface AppProps {
  /** What was read before the first render (lib/popup/snapshot.ts); live queries take over after it. */
  initial: PopupData;
}

export function App({ initial }: AppProps) {
  const now = Date.now();
  const [people, setPeople] = useState(initial.people);
  // Started from the kept first screen: its people are the ranking's first, and the headline counts everyone
  // as the background counted them, until the live data has everyone.
  const [counts, setCounts] = useState(initial.counts ?? null);
  const [groups, setGroups] = useState(initial.groups);
  const [stored, setStored] = useState(initial.settings);
  const [recent, setRecent] = useState<Interaction[] | null>(null);
  const [pickEmail, setPickEmail] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [toast, setToast] = useState<{ message: string; undo?: () => void } | null>(null);

  // Only once the first rows are on screen, connect the live data (lib/ui/after-paint.ts).
  useEffect(() => {
    let stop: (() => void) | undefined;
    let open = true;
    void afterPaintOf(FIRST_ROW_MARK)
      .then(loadLive)
      .then((live) => {
        if (!open) return;
        stop = live.connect(
          {
            people: (everyone) => {
              setPeople(everyone);
              setCounts(null);
            },
            groups: setGroups,
            settings: setStored,
            recent: setRecent,
            pick: setPickEmail,
          },
          now,
        );
      });
    return () => {
      open = false;
      stop?.();
    };
  }, []);

  const settings = useMemo(() => popupSettingsOf(stored), [stored]);
  const model = useMemo(
    () =>
      counts
        ? modelFromFirstPaint(people, groups, settings, counts, now)
        : buildPopupModel(people, groups, settings, now),
    [people, groups, settings, counts],
  );
  const suggestions = useMemo(
    () => (recent ? suggestTeammates(recent, model.byEmail, now, settings.myEmails) : []),
    [recent, model],
  );
  const results = useMemo(() => searchPeople(people, query, model, settings, now), [model, query]);

  function changed(email: string, message: string, patch?: PersonPatch) {
    const person = model.byEmail.get(email);
    const undo = person && patch ? undoPatch(person, patch) : null;
    setToast({ message, undo: undo ? () => void actions.update([email], undo).then(() => setToast(null)) : undefined });
  }

  const pickPerson = pickEmail ? model.byEmail.get(pickEmail) : undefined;
  const pickEntry = pickPerson ? assess(pickPerson, { now, cadences: settings.cadences }) : null;
  const searching = query.trim().length > 0;

  return (
    <main>
      <header>
        <h1>
          <img src="/icon/32.png" alt="" width="20" height="20" /> Bridges
        </h1>
        <button type="button" class="link" onClick={() => void loadLive().then((live) => live.openManagementPage())}>
          Manage relationships
        </button>
      </header>
      {(counts ? counts.everyone : people.length) === 0 ? (
        <FirstRun />
      ) : (
        <>
          <p class="summary" aria-live="polite">
            {model.overdue === 0 ? 'Nothing overdue' : <strong>{model.overdue} overdue</strong>}
            {model.due > 0 ? `, ${model.due} due` : ''} outside your team
            {model.booked > 0 ? `; ${model.booked} booked` : ''}
            {model.planning > 0 ? `${model.booked > 0 ? ',' : ';'} ${model.planning} being planned` : ''}
          </p>
          <input
            type="search"
            class="search"
            placeholder="Search name, email or organisation"
            aria-label="Search people"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          {!searching && pickEntry && (
            <StretchCard
              pick={pickEntry}
              groups={model.groups}
              internalDomains={settings.internalDomains}
              now={now}
              actions={actions}
              onChanged={(message, patch) => changed(pickEntry.person.email, message, patch)}
            />
          )}
          {!searching && (
            <TeamSuggestions suggestions={suggestions} actions={actions} onChanged={(m) => setToast({ message: m })} />
          )}
          {results.length === 0 ? (
            <p class="empty">{searching ? 'No one matches.' : 'No one outside your team yet.'}</p>
          ) : (
            <NeglectList
              entries={results}
              total={!searching && counts ? counts.ranked : results.length}
              groups={model.groups}
              internalDomains={settings.internalDomains}
              now={now}
              actions={actions}
              label={searching ? 'Search results' : 'People outside your team, most neglected first'}
              onChanged={changed}
            />
          )}
        </>
      )}
      {toast && <Toast message={toast.message} onUndo={toast.undo} onClose={() => setToast(null)} />}
    </main>
  );
}
