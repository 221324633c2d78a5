import type { PeopleActions } from '../lib/popup/actions';
import type { TeamSuggestion } from '../lib/relationships/team-suggestions';

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
  return (
    <section class="suggestion" aria-label="Teammate suggestion">
      <p>
        <strong>{person.displayName}</strong> looks like a teammate: {meetings} meetings in the last 4 weeks.
      </p>
      <div class="row-buttons">
        <button
          type="button"
          onClick={() =>
            actions.update([person.email], { team: true }).then(
              () => onChanged(`${person.displayName} is on your team now.`),
              (e: Error) => onChanged(`Not saved: ${e.message}`),
            )
          }
        >
          Mark as my team
        </button>
        <button
          type="button"
          onClick={() =>
            actions.update([person.email], { teamSuggestionDismissed: true }).then(
              () => onChanged(`Bridges won't suggest ${person.displayName} again.`),
              (e: Error) => onChanged(`Not saved: ${e.message}`),
            )
          }
        >
          Not my team
        </button>
      </div>
    </section>
  );
}
