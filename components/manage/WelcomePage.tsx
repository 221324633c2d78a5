import { useMemo, useState } from 'preact/hooks';
import type { Person } from '../../lib/db/types';
import type { ManageData } from '../../lib/manage/use-manage-data';
import { sendMessage } from '../../lib/messaging';
import { suggestTeammates, type TeamAnswer } from '../../lib/relationships/team-suggestions';
import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';
import { TeammateSuggestionList } from '../TeammateSuggestionList';
import { HistoryImport } from './data/HistoryImport';

/**
 * The first run: bring in the past year from Google Calendar's export, then say who is on your team (the
 * people you met twice a week for the last four weeks look like it), so that "outside your team" is right on
 * day one. Linked from the popup's first run.
 */
export function WelcomePage({ data }: { data: ManageData }) {
  const [imported, setImported] = useState(false);
  return (
    <div class="welcome">
      <section class="card">
        <h2>Bring in your past meetings</h2>
        <p class="hint">
          Bridges is only as true as its log. Start it with the meetings you have already had: Google Calendar exports
          them in one step, and Bridges reads the file here, in your browser.
        </p>
        <HistoryImport myEmails={data.myEmails} onImported={() => setImported(true)} />
      </section>
      {(imported || data.people.length > 0) && <TeamStep data={data} />}
      <section class="card">
        <h2>Keep it complete</h2>
        <p>
          Meetings can also log themselves from now on: paste your calendar's secret address under{' '}
          <a href="#/settings">Settings → Meetings that log themselves</a>. Or click <strong>Log meeting</strong> in a
          meeting's card in Google Calendar.
        </p>
      </section>
    </div>
  );
}

/** "These people look like your team": a yes or no for each; nothing changes without it. */
function TeamStep({ data }: { data: ManageData }) {
  const deciding = useCommand();
  const suggestions = useMemo(
    () => suggestTeammates(data.recent, new Map(data.people.map((p) => [p.email, p])), data.now, data.myEmails),
    [data],
  );
  const team = data.people.filter((p) => p.team);
  const answer = (person: Person, { patch, done }: TeamAnswer) =>
    void deciding.run(() => sendMessage('updatePeople', { emails: [person.email], patch }), done, 'Not saved:');
  return (
    <section class="card" aria-labelledby="team-step">
      <h2 id="team-step">These people look like your team</h2>
      <p class="hint">
        You met them at least twice a week for the last four weeks. Your team is left out of "outside your team" and the
        reminders; say yes only for the people you work with every day.
      </p>
      {suggestions.length === 0 ? (
        <p class="muted">
          {team.length > 0
            ? `No one else looks like your team. On your team: ${team.map((p) => p.displayName).join(', ')}.`
            : 'No one looks like your team yet. You can mark people as your team in the popup or in Settings.'}
        </p>
      ) : (
        <TeammateSuggestionList
          suggestions={suggestions}
          label="Teammate suggestions"
          yes="On my team"
          onAnswer={answer}
        />
      )}
      <CommandStatus state={deciding} />
      <p>
        <a href="#/people">See everyone, most neglected first →</a>
      </p>
    </section>
  );
}
