import type { Group, Person } from '../db/types';
import type { FirstPaintCounts } from './first-paint';
import { popupSettingsFromRows, type StoredPopupSettings } from './settings';
import type { PopupStart } from './snapshot-rows';

export interface PopupData {
  /** Everyone; or, from the kept first screen, the first people of the ranking. */
  people: Person[];
  groups: Group[];
  settings: StoredPopupSettings;
  /** From the kept first screen only: the headline's counts over everyone, until the live data has everyone. */
  counts?: FirstPaintCounts;
}

/**
 * The popup's data as it starts: the kept first screen as the background made it, or the rows read, with the three
 * settings it needs checked as every read of a setting is.
 */
export function popupDataFrom(start: PopupStart): PopupData {
  if ('kept' in start) {
    const { people, groups, settings, counts } = start.kept;
    return { people, groups, settings, counts };
  }
  const { people, groups, settings } = start.rows;
  return { people, groups, settings: popupSettingsFromRows(settings) };
}

/**
 * Both at once, where nothing started the read earlier. The reading code comes with the preload script
 * (snapshot-rows.ts); loaded here only when it is needed, it stays out of what the first paint waits for.
 */
export async function readPopupSnapshot(): Promise<PopupData> {
  const { readPopupStart } = await import('./snapshot-rows');
  return popupDataFrom(await readPopupStart());
}
