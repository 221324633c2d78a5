import type { AppDB } from '../db/app-db';
import { STATE_ROW, type SyncState, stateFromRow } from './status';

export { type LeftOut, OFF, STATE_ROW, type SyncState, stateFromRow } from './status';

/**
 * Where this browser's sync stands (a row of the `sync` store, read by the settings page), and its key (another
 * row: a CryptoKey that cannot be read out). Both are this browser's alone: never in a backup, never in the
 * browser's sync.
 */
export const KEY_ROW = 'key';

export async function readState(db: AppDB): Promise<SyncState> {
  return stateFromRow(await db.sync.get(STATE_ROW));
}

export async function writeState(db: AppDB, state: SyncState): Promise<void> {
  await db.sync.put({ name: STATE_ROW, value: state });
}

export async function readKey(db: AppDB): Promise<CryptoKey | null> {
  const row = await db.sync.get(KEY_ROW);
  return row && typeof CryptoKey !== 'undefined' && row.value instanceof CryptoKey ? row.value : null;
}
