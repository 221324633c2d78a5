import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The latest result of a Dexie query, re-run whenever the data it read changes (in any extension context). */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => setValue(undefined) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
