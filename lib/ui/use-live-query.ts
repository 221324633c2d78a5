import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The latest result of a Dexie query, re-run whenever the data it read changes (in any extension context).
 * `initial` is shown until the first result (a page can read before it renders); with `enabled` false the
 * query does not run yet (work that must wait until the first paint).
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: unknown[] = [],
  initial?: T,
  enabled = true,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    if (!enabled) return;
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => setValue(undefined) });
    return () => subscription.unsubscribe();
  }, [...deps, enabled]);
  return value;
}
