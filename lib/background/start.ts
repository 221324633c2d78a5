import { browser } from 'wxt/browser';
import type { AppDB } from '../db/app-db';
import { sweepUpcoming } from '../logging/upcoming';
import { type LegacyArea, moveSettingsFromLocalStorage } from './move-settings';

/**
 * What the background does first, at every start: the database opened here (created and upgraded here, never
 * in a page), and the settings moved out of the extension's local storage the first time this release runs.
 * Every command waits for it.
 */
export async function openDatabase(db: AppDB, area: LegacyArea, now: () => number = Date.now): Promise<void> {
  await db.open();
  await moveSettingsFromLocalStorage(db, area).catch((error: unknown) => {
    console.warn('Bridges: the settings could not be moved out of local storage.', error);
  });
  // Meetings booked ahead whose time passed while the browser was closed no longer count.
  await sweepUpcoming(db, now()).catch(() => undefined);
}

interface AccessLevelArea {
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
}

/**
 * Closes the extension's storage areas to content scripts (Chrome: local and sync are open to them by default).
 * Bridges' content script reads no storage; nothing it could reach should be there, and now nothing it could reach
 * is. Firefox has no such switch for local and sync: there, nothing of Bridges' is kept in them but ciphertext.
 * The session area, where the popup's first screen is kept (lib/popup/first-paint.ts), is closed to content
 * scripts by default in both browsers; it is closed here again, in case that default ever changes.
 */
export async function closeStorageToContentScripts(): Promise<void> {
  const areas = [browser.storage.local, browser.storage.sync, browser.storage.session];
  for (const area of areas as unknown as AccessLevelArea[]) {
    try {
      await area?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
    } catch {
      // An area that cannot be closed (an older browser) holds nothing of Bridges' in the clear either.
    }
  }
}
