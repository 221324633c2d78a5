import { getDb } from '../db/app-db';
import { settingRows } from '../db/queries';
import { type SettingProblem, settingsFromRows } from '../settings';
import type { SettingName, Settings } from '../settings-schema';
import { useLiveQuery } from './use-live-query';

/**
 * The named settings from the database, checked, kept current as the background changes them; with the stored
 * values that failed their check (not used: the defaults are; the settings page says so). Undefined until read.
 */
export function useSettings<N extends SettingName>(
  names: readonly N[],
): { values: Pick<Settings, N>; problems: SettingProblem[] } | undefined {
  const db = getDb();
  const rows = useLiveQuery(() => settingRows(db, names), [names.join()]);
  return rows && settingsFromRows(names, rows);
}
