import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FirstRun } from '../../components/FirstRun';
import { NeglectList } from '../../components/NeglectList';
import { StretchCard } from '../../components/StretchCard';
import { TeamSuggestions } from '../../components/TeamSuggestions';
import { Toast } from '../../components/Toast';
import { getDb } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import type { PersonPatch } from '../../lib/people/schemas';
import { messageActions, undoPatch } from '../../lib/popup/actions';
import { buildPopupModel, type PopupSettings, searchPeople } from '../../lib/popup/model';
import { assess } from '../../lib/relationships/rank';
import { SUGGESTION_WINDOW_MS, suggestTeammates } from '../../lib/relationships/team-suggestions';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { useSettings } from '../../lib/ui/use-settings';

const db = getDb();
const actions = messageActions(sendMessage);
const SETTING_NAMES = ['myEmails', 'internalDomains', 'cadenceDefaults'] as const;

export function App() {
  const now = Date.now();
  const people = useLiveQuery(() => db.people.toArray());
  const groups = useLiveQuery(() => db.groups.toArray());
  const stored = useSettings(SETTING_NAMES);
  const [pickEmail, setPickEmail] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [toast, setToast] = useState<{ message: string; undo?: () => void } | null>(null);

  const settings: PopupSettings | null = stored
    ? { myEmails: stored.myEmails, internalDomains: stored.internalDomains, cadences: stored.cadenceDefaults }
    : null;
  const model = useMemo(
    () => (people && groups && settings ? buildPopupModel(people, groups, settings, now) : null),
    [people, groups, stored],
  );

  // After the list is on screen: the teammate suggestions need the last four weeks' meetings.
  const recent = useLiveQuery(() =>
    db.interactions
      .where('start')
      .above(now - SUGGESTION_WINDOW_MS)
      .toArray(),
  );
  const suggestions = useMemo(
    () => (recent && model && settings ? suggestTeammates(recent, model.byEmail, now, settings.myEmails) : []),
    [recent, model],
  );

  // The week's pick is the background's: chosen once, kept all week.
  useEffect(() => {
    void sendMessage('weeklyPick', {}).then(
      (r) => setPickEmail(r.email),
      () => setPickEmail(null),
    );
  }, []);

  const results = useMemo(
    () => (model && people && settings ? searchPeople(people, query, model, settings, now) : []),
    [model, query],
  );

  if (!model || !settings) return <main class="loading" aria-busy="true" />;

  function changed(email: string, message: string, patch?: PersonPatch) {
    const person = model?.byEmail.get(email);
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
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Manage relationships
        </button>
      </header>
      {people?.length === 0 ? (
        <FirstRun />
      ) : (
        <>
          <p class="summary" aria-live="polite">
            {model.overdue === 0 ? (
              'Nothing overdue outside your team'
            ) : (
              <>
                <strong>{model.overdue}</strong> overdue outside your team
              </>
            )}
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
              onChanged={(message) => setToast({ message })}
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
