import { type FirstPaintRows, readFirstPaintRows } from '../db/queries';
import { POPUP_SETTINGS } from '../settings-schema';
import { FIRST_PAINT_KEY, type FirstPaint, usableFirstPaint } from './first-paint';
import { browser } from './native-browser';

/** How the popup starts: from the first screen the background keeps ready, or from the rows of everyone. */
export type PopupStart = { kept: FirstPaint } | { rows: FirstPaintRows };

/**
 * What the popup's first paint needs, read as fast as the browser can. First the first screen the background keeps
 * in session storage (lib/popup/first-paint.ts), when it holds now; else the rows (lib/db/queries.ts
 * `readFirstPaintRows`: one IndexedDB transaction, no Dexie, no schema library). entrypoints/popup-preload.ts
 * starts it before the popup's own code has loaded, so it imports nothing that would delay the read: the checks
 * (lib/popup/snapshot.ts `popupDataFrom`) come with the popup's code, whose loading overlaps the read.
 */
export async function readPopupStart(): Promise<PopupStart> {
  const asked = readKept();
  // Opened meanwhile, so that an open with none kept does not wait for the answer before it starts reading.
  const rows = readFirstPaintRows(
    POPUP_SETTINGS,
    asked.then((kept) => kept === null),
  );
  const kept = await asked;
  return kept ? { kept } : { rows: await rows };
}

async function readKept(): Promise<FirstPaint | null> {
  try {
    const found = await browser.storage.session.get(FIRST_PAINT_KEY);
    return usableFirstPaint(found[FIRST_PAINT_KEY], Date.now());
  } catch {
    return null; // no session storage here: the rows, as before
  }
}
