import type { FirstPaintRows } from '../db/queries';
import type { Group, Person } from '../db/types';
import type { POPUP_SETTINGS, Settings } from '../settings-schema';
import { popupSettingsFromRows } from './settings';

export interface PopupData {
  people: Person[];
  groups: Group[];
  settings: Pick<Settings, (typeof POPUP_SETTINGS)[number]>;
}

/** The popup's data from its rows, with the three settings it needs checked as every read of a setting is. */
export function popupDataFromRows({ people, groups, settings }: FirstPaintRows): PopupData {
  return { people, groups, settings: popupSettingsFromRows(settings) };
}

/**
 * Both at once, where nothing started the read earlier. The reading code comes with the preload script
 * (snapshot-rows.ts); loaded here only when it is needed, it stays out of what the first paint waits for.
 */
export async function readPopupSnapshot(): Promise<PopupData> {
  const { readPopupRows } = await import('./snapshot-rows');
  return popupDataFromRows(await readPopupRows());
}
