import type { PeopleActions } from '../lib/popup/actions';
import { type TeamSuggestion, teamAnswer } from '../lib/relationships/team-suggestions';

export interface TeamSuggestionsProps {
  suggestions: readonly TeamSuggestion[];
  actions: PeopleActions;
  onChanged(message: string): void;
}

/** People who look like teammates. Nothing changes until the user says yes or no. */
export function TeamSuggestions({ suggestions, actions, onChanged }: TeamSuggestionsProps) {
  const [first] = suggestions;
  if (!first) return null;
  const { person, meetings } = first;
  const answer = (onTeam: boolean) => {
    const { patch, done } = teamAnswer(person, onTeam);
    actions.update([person.email], patch).then(
      () => onChanged(done),
      (e: Error) => onChanged(`Not saved: ${e.message}`),
    );
  };
  return (
    <section class="suggestion" aria-label="Teammate suggestion">
      <p>
        <strong>{person.displayName}</strong> looks like a teammate: {meetings} meetings in the last 4 weeks.
      </p>
      <div class="row-buttons">
        <button type="button" onClick={() => answer(true)}>
          Mark as my team
        </button>
        <button type="button" onClick={() => answer(false)}>
          Not my team
        </button>
      </div>
    </section>
  );
}
