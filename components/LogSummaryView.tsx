import { format } from 'date-fns';
import type { LogSummary } from '../lib/logging/summary';

export interface LogSummaryViewProps {
  summary: LogSummary;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** What has been logged: counts and the latest meetings. Titles and names are page text, rendered as text. */
export function LogSummaryView({ summary }: LogSummaryViewProps) {
  if (summary.interactions === 0) {
    return (
      <section class="empty" aria-labelledby="first-run">
        <h2 id="first-run">Log your first meeting</h2>
        <ol>
          <li>Open Google Calendar and click a meeting you have had.</li>
          <li>
            Click <strong>Log meeting</strong> in the event's card.
          </li>
          <li>Everyone you met shows up here. Nothing leaves your browser.</li>
        </ol>
      </section>
    );
  }
  return (
    <section aria-label="Your log">
      <p class="counts">
        <strong>{plural(summary.people, 'person', 'people')}</strong> met in{' '}
        <strong>{plural(summary.interactions, 'meeting', 'meetings')}</strong>
      </p>
      <h2 class="section-title">Latest</h2>
      <ul class="latest">
        {summary.latest.map((meeting) => (
          <li key={meeting.key}>
            <span class="title">{meeting.title}</span>
            <span class="meta">
              {format(meeting.start, meeting.allDay ? 'EEE d MMM yyyy' : 'EEE d MMM yyyy, HH:mm')} ·{' '}
              {plural(meeting.people.length, 'person', 'people')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
