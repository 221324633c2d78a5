import { useMemo } from 'preact/hooks';
import { getDb } from '../../lib/db/app-db';
import { meetingsWith } from '../../lib/db/queries';
import { greenShareByWeek, groupsTouchedPerMonth, outsideTeamMeetingsPerWeek } from '../../lib/manage/trends';
import type { ManageData } from '../../lib/manage/use-manage-data';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { Chart } from './Chart';

/** How the network is doing over time. */
export function TrendsPage({ data }: { data: ManageData }) {
  const byEmail = useMemo(() => new Map(data.people.map((p) => [p.email, p])), [data.people]);
  const high = useMemo(
    () => data.people.filter((p) => p.priority === 'high' && !p.team && !data.myEmails.includes(p.email)),
    [data],
  );
  const highEmails = high.map((p) => p.email);
  const theirs = useLiveQuery(() => meetingsWith(getDb(), highEmails), [highEmails.join()]);
  const contacts = useMemo(() => {
    const map = new Map<string, number[]>();
    for (const i of theirs ?? [])
      for (const e of i.people) if (byEmail.get(e)?.priority === 'high') map.set(e, [...(map.get(e) ?? []), i.start]);
    return map;
  }, [theirs, byEmail]);
  const weekly = useMemo(
    () => outsideTeamMeetingsPerWeek(data.recent, byEmail, data.myEmails, data.now),
    [data, byEmail],
  );
  const monthly = useMemo(() => groupsTouchedPerMonth(data.recent, byEmail, data.myEmails, data.now), [data, byEmail]);
  const green = useMemo(() => greenShareByWeek(high, contacts, data.cadences, data.now), [high, contacts, data]);
  return (
    <div class="trends">
      <section class="card">
        <Chart
          title="Meetings with people outside your team, per week (last 6 months)"
          points={weekly}
          unit="meetings"
          bars
          step="week"
        />
      </section>
      <section class="card">
        <Chart
          title="Groups and organisations outside your team you met, per month"
          points={monthly}
          unit="groups"
          bars
          step="month"
        />
      </section>
      <section class="card">
        <Chart
          title={`Share of high-priority relationships that were green, week by week (${high.length} people)`}
          points={green}
          unit="%"
          step="week"
        />
      </section>
    </div>
  );
}
