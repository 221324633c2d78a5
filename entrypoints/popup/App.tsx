import { LogSummaryView } from '../../components/LogSummaryView';
import { getDb } from '../../lib/db/app-db';
import { readSummary } from '../../lib/logging/summary';
import { useLiveQuery } from '../../lib/ui/use-live-query';

export function App() {
  const summary = useLiveQuery(() => readSummary(getDb()));
  return (
    <main>
      <header>
        <h1>Bridges</h1>
      </header>
      {summary ? <LogSummaryView summary={summary} /> : <p class="loading">Reading your log…</p>}
    </main>
  );
}
