import type { Interaction, Person } from '../db/types';

const DAY = 86_400_000;
export const SUGGESTION_WEEKS = 4;
export const SUGGESTION_PER_WEEK = 2;

export interface TeamSuggestion {
  person: Person;
  meetings: number;
}

/**
 * People who look like teammates: met at least twice in each of the last four weeks. Only a suggestion: the
 * user confirms or dismisses it, and nothing changes until they do. `recent` is the interactions of the last
 * four weeks (an index range, not a scan of all meetings).
 */
export function suggestTeammates(
  recent: readonly Interaction[],
  people: ReadonlyMap<string, Person>,
  now: number,
  myEmails: readonly string[] = [],
): TeamSuggestion[] {
  const since = now - SUGGESTION_WEEKS * 7 * DAY;
  const perWeek = new Map<string, number[]>();
  for (const interaction of recent) {
    if (interaction.start < since || interaction.start > now) continue;
    const week = Math.min(SUGGESTION_WEEKS - 1, Math.floor((now - interaction.start) / (7 * DAY)));
    for (const email of interaction.people) {
      const counts = perWeek.get(email) ?? new Array<number>(SUGGESTION_WEEKS).fill(0);
      counts[week] = (counts[week] ?? 0) + 1;
      perWeek.set(email, counts);
    }
  }
  const me = new Set(myEmails);
  const out: TeamSuggestion[] = [];
  for (const [email, counts] of perWeek) {
    const person = people.get(email);
    if (!person || person.team || person.ignored || person.teamSuggestionDismissed || me.has(email)) continue;
    if (counts.every((n) => n >= SUGGESTION_PER_WEEK))
      out.push({ person, meetings: counts.reduce((a, b) => a + b, 0) });
  }
  return out.sort((a, b) => b.meetings - a.meetings || a.person.email.localeCompare(b.person.email));
}

export const SUGGESTION_WINDOW_MS = SUGGESTION_WEEKS * 7 * DAY;

/** The user's answer to a suggestion: what it changes on the person, and what is said once that is saved. */
export interface TeamAnswer {
  patch: { team: true } | { teamSuggestionDismissed: true };
  done: string;
}

export function teamAnswer(person: Pick<Person, 'displayName'>, onTeam: boolean): TeamAnswer {
  return onTeam
    ? { patch: { team: true }, done: `${person.displayName} is on your team now.` }
    : { patch: { teamSuggestionDismissed: true }, done: `Bridges won't suggest ${person.displayName} again.` };
}
