import { dropUpload, openUpload } from '../../lib/commands/uploads';

/**
 * Forgets every upload the background's registry holds, undoing what each began (a restore's open
 * transaction): between tests, as a restart of the background would. Through the registry's own rule, that an
 * upload untouched for ten minutes is dropped when the next one begins: one begun at the end of time sweeps
 * them all, and is cancelled in turn.
 */
export function clearUploads(): void {
  dropUpload(openUpload('calendar', 1, Number.MAX_SAFE_INTEGER));
}
