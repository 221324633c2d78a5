import { useMemo, useState } from 'preact/hooks';
import type { Interaction, Person } from '../../lib/db/types';
import type { PeopleActions } from '../../lib/popup/actions';
import { suggestTeammates } from '../../lib/relationships/team-suggestions';
import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';
import { TeammateSuggestionList } from '../TeammateSuggestionList';

export interface TeamSectionProps {
  people: readonly Person[];
  recent: readonly Interaction[];
  myEmails: readonly string[];
  now: number;
  actions: Pick<PeopleActions, 'update'>;
}

/** My team: who is on it, who Bridges thinks might be (never applied without a yes), and adding anyone. */
export function TeamSection({ people, recent, myEmails, now, actions }: TeamSectionProps) {
  const [query, setQuery] = useState('');
  const saving = useCommand();
  const setTeam = (person: Person, patch: { team: boolean } | { teamSuggestionDismissed: true }, done: string) =>
    void saving.run(() => actions.update([person.email], patch), done, 'Not saved:');
  const team = useMemo(
    () => people.filter((p) => p.team).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    [people],
  );
  const suggestions = useMemo(
    () => suggestTeammates(recent, new Map(people.map((p) => [p.email, p])), now, myEmails),
    [recent, people],
  );
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return people.filter((p) => !p.team && `${p.displayName} ${p.email}`.toLowerCase().includes(q)).slice(0, 8);
  }, [people, query]);

  return (
    <div class="team">
      <CommandStatus state={saving} />
      <ul class="values" aria-label="My team">
        {team.map((p) => (
          <li key={p.email}>
            <span>
              {p.displayName} <span class="muted">{p.email}</span>
            </span>
            <button
              type="button"
              class="link"
              aria-label={`Remove ${p.displayName} from my team`}
              onClick={() => setTeam(p, { team: false }, `${p.displayName} is no longer on your team.`)}
            >
              Remove
            </button>
          </li>
        ))}
        {team.length === 0 && <li class="none">No one yet. Mark people as your team here or from the popup.</li>}
      </ul>
      {suggestions.length > 0 && (
        <div class="suggestions">
          <h3>Might be on your team</h3>
          <TeammateSuggestionList
            suggestions={suggestions}
            yes="Add to my team"
            onAnswer={(person, { patch, done }) => setTeam(person, patch, done)}
          />
        </div>
      )}
      <label class="find">
        <span>Add someone</span>
        <input
          type="search"
          value={query}
          placeholder="Name or email of someone you have met"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      {matches.length > 0 && (
        <ul class="values" aria-label="People to add">
          {matches.map((p) => (
            <li key={p.email}>
              <span>
                {p.displayName} <span class="muted">{p.email}</span>
              </span>
              <button type="button" onClick={() => setTeam(p, { team: true }, `${p.displayName} is on your team now.`)}>
                Add to my team
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
