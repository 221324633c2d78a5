import type { Person } from '../lib/db/types';
import { type TeamAnswer, type TeamSuggestion, teamAnswer } from '../lib/relationships/team-suggestions';

export interface TeammateSuggestionListProps {
  suggestions: readonly TeamSuggestion[];
  /** The list's name for a screen reader, where no heading names it. */
  label?: string;
  /** The words of the yes button ("On my team" on the welcome page, "Add to my team" in Settings). */
  yes: string;
  /** The user's answer for one person: what it changes on them, and what to say once that is saved. */
  onAnswer(person: Person, answer: TeamAnswer): void;
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
            <button type="button" onClick={() => onAnswer(person, teamAnswer(person, true))}>
              {yes}
            </button>
            <button type="button" class="link" onClick={() => onAnswer(person, teamAnswer(person, false))}>
              Not my team
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
