import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../settings-schema';
import { readSettings, watchSettings } from '../settings-snapshot';

/** The named settings, read once and re-read when they change. Undefined until read. */
export function useSettings<N extends keyof Settings>(names: readonly N[]): Pick<Settings, N> | undefined {
  const [value, setValue] = useState<Pick<Settings, N> | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names are fixed for a component's lifetime.
  useEffect(() => {
    let live = true;
    const read = () => void readSettings(names).then((v) => live && setValue(v));
    read();
    const stop = watchSettings(names, read);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return value;
}
