import { readFirstPaintRows } from '../db/queries';
import type { Group, Person } from '../db/types';
import { POPUP_SETTINGS, type Settings } from '../settings-schema';
import { popupSettingsFromRows } from './settings';

export interface PopupData {
  people: Person[];
  groups: Group[];
  settings: Pick<Settings, (typeof POPUP_SETTINGS)[number]>;
}

/**
 * Everything the popup's first paint needs, read as fast as the browser can (lib/db/queries.ts
 * `readFirstPaintRows`: one IndexedDB transaction, no Dexie), with the three settings it needs checked as every
 * read of a setting is. It runs in a small script that starts before the popup's own code has loaded; Dexie's
 * live queries take over after the first paint.
 */
export async function readPopupSnapshot(): Promise<PopupData> {
  const { people, groups, settings } = await readFirstPaintRows(POPUP_SETTINGS);
  return { people, groups, settings: popupSettingsFromRows(settings) };
}
