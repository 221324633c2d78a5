import { browser } from 'wxt/browser';
import type { RequestOf, sendMessage } from '../messaging';
import { UPLOAD_PORT } from './parts';

type Send = typeof sendMessage;

const heldPorts = new Set<unknown>();

/**
 * Opens the upload's port, which the browser closes when this page goes away: the background then forgets the
 * upload at once (lib/commands/uploads.ts). Where ports are missing (tests), the upload expires on its own.
 */
function tieToPage(upload: string): void {
  try {
    // Held for the page's life: a port nothing refers to may be collected, and closed with it.
    heldPorts.add(browser.runtime.connect({ name: `${UPLOAD_PORT}${upload}` }));
  } catch {
    // No ports here: the upload is forgotten when it expires.
  }
}

/** How many parts may be on their way at once: the page hands one on while the background reads another. */
const IN_FLIGHT = 3;

/**
 * Sends a large input to the background in parts (each within its command's bounds), reporting progress, and
 * returns the upload's id for the command that finishes it. When a part is refused (or anything else fails),
 * the background is told to drop what it began, and the part's refusal is thrown.
 */
export async function uploadParts(
  send: Send,
  begin: RequestOf<'beginUpload'>,
  parts: readonly string[],
  onProgress: (done: number, total: number) => void,
): Promise<string> {
  const kind = begin.kind;
  const all = parts.length > 0 ? parts : [kind === 'calendar' ? '{"events":[]}' : '{}'];
  const { upload } = await send('beginUpload', { ...begin, parts: all.length });
  tieToPage(upload);
  let next = 0;
  let done = 0;
  let failed = false;
  const lane = async () => {
    while (next < all.length && !failed) {
      const index = next++;
      await send('sendUploadPart', { kind, upload, index, part: all[index] as string });
      onProgress(++done, all.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, all.length) }, lane));
  } catch (error) {
    failed = true;
    await send('cancelUpload', { upload }).catch(() => undefined);
    throw error;
  }
  return upload;
}
