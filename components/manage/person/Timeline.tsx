import { getDb } from '../../../lib/db/app-db';
import { timelineOf } from '../../../lib/db/queries';
import type { Person } from '../../../lib/db/types';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { day } from './format';

/** Every meeting and contact with them, newest first, with who else was there. */
export function Timeline({ person, names }: { person: Person; names: ReadonlyMap<string, string> }) {
  const timeline = useLiveQuery(() => timelineOf(getDb(), person.email), [person.email]);
  return (
    <section class="card" aria-labelledby="timeline">
      <h3 id="timeline">Timeline</h3>
      <ol class="timeline">
        {(timeline ?? []).map((i) => (
          <li key={i.key}>
            <span class="when">{day(i.start)}</span> <strong>{i.title}</strong> <span class="muted">({i.kind})</span>
            {i.people.length > 1 && (
              <div class="muted">
                With{' '}
                {i.people
                  .filter((e) => e !== person.email)
                  .map((e) => names.get(e) ?? e)
                  .join(', ')}
              </div>
            )}
            {i.note && <div class="note">{i.note}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
