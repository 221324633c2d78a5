import { type FirstPaintRows, readFirstPaintRows } from '../db/queries';
import { POPUP_SETTINGS } from '../settings-schema';

/**
 * The rows the popup's first paint needs, read as fast as the browser can (lib/db/queries.ts
 * `readFirstPaintRows`: one IndexedDB transaction, no Dexie, no schema library). entrypoints/popup-preload.ts
 * starts it before the popup's own code has loaded, so it imports nothing that would delay the read: the checks
 * (lib/popup/snapshot.ts `popupDataFromRows`) come with the popup's code, whose loading overlaps the read.
 */
export function readPopupRows(): Promise<FirstPaintRows> {
  return readFirstPaintRows(POPUP_SETTINGS);
}
