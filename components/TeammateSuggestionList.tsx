import type { Person } from '../lib/db/types';
import type { TeamSuggestion } from '../lib/relationships/team-suggestions';

export interface TeammateSuggestionListProps {
  suggestions: readonly TeamSuggestion[];
  /** The list's name for a screen reader, where no heading names it. */
  label?: string;
  /** The words of the yes button ("On my team" on the welcome page, "Add to my team" in Settings). */
  yes: string;
  /** The user's answer for one person (lib/relationships/team-suggestions.ts `teamAnswer` says what it changes). */
  onAnswer(person: Person, onTeam: boolean): void;
}

/** People who look like teammates, each with a yes and a no: nothing changes until the user answers. */
export function TeammateSuggestionList({ suggestions, label, yes, onAnswer }: TeammateSuggestionListProps) {
  return (
    <ul class="values" aria-label={label}>
      {suggestions.map(({ person, meetings }) => (
        <li key={person.email}>
          <span>
            {person.displayName} <span class="muted">{meetings} meetings in 4 weeks</span>
          </span>
          <span class="buttons">
            <button type="button" onClick={() => onAnswer(person, true)}>
              {yes}
            </button>
            <button type="button" class="link" onClick={() => onAnswer(person, false)}>
              Not my team
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
