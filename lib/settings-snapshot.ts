import { browser } from './popup/native-browser';
import { SETTING_FALLBACKS, SETTING_KEYS, type Settings } from './settings-schema';

const areaKey = (name: keyof Settings) => SETTING_KEYS[name].slice('local:'.length);

/** The one storage call a read makes (tests pass fakeBrowser's). */
export interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
}

/** The named settings in one storage read, with their fallbacks: for a page's first paint. */
export async function readSettings<N extends keyof Settings>(
  names: readonly N[],
  area: StorageArea = browser.storage.local,
): Promise<Pick<Settings, N>> {
  const raw = await area.get(names.map(areaKey));
  const out = {} as Pick<Settings, N>;
  for (const name of names) out[name] = (raw[areaKey(name)] ?? SETTING_FALLBACKS[name]) as Settings[N];
  return out;
}

/** Calls `onChange` whenever one of the named settings changes anywhere in the extension. */
export function watchSettings(names: readonly (keyof Settings)[], onChange: () => void): () => void {
  const keys = new Set(names.map(areaKey));
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((k) => keys.has(k))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
