import { browser } from 'wxt/browser';
import { MAX_PART_CHARS, PART_CHARS, UPLOAD_PORT } from '../commands/uploads';
import type { RequestOf, sendMessage } from '../messaging';

type Send = typeof sendMessage;

/**
 * Cuts `records` into parts of JSON text `{"<key>":[...]}`, each with at most `maxRecords` records and about
 * PART_CHARS characters (a single record larger than that has a part of its own).
 */
export function jsonParts(key: string, records: readonly unknown[], maxRecords: number): string[] {
  const parts: string[] = [];
  let items: string[] = [];
  let chars = 0;
  const flush = () => {
    if (items.length) parts.push(`{${JSON.stringify(key)}:[${items.join(',')}]}`);
    items = [];
    chars = 0;
  };
  for (const record of records) {
    const json = JSON.stringify(record);
    if (items.length >= maxRecords || (items.length > 0 && chars + json.length > PART_CHARS)) flush();
    if (json.length > MAX_PART_CHARS - key.length - 10) {
      throw new Error('One record of this file is larger than any Bridges keeps: nothing was sent.');
    }
    items.push(json);
    chars += json.length + 1;
  }
  flush();
  return parts;
}

/**
 * Opens the upload's port, which the browser closes when this page goes away: the background then forgets the
 * upload at once (lib/commands/uploads.ts). Where ports are missing (tests), the upload expires on its own.
 */
function tieToPage(upload: string): void {
  try {
    browser.runtime.connect({ name: `${UPLOAD_PORT}${upload}` });
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
  const sendOne = (index: number, part: string) =>
    kind === 'backup'
      ? send('sendBackupPart', { upload, index, part })
      : send('sendCalendarPart', { upload, index, part });
  const lane = async () => {
    while (next < all.length && !failed) {
      const index = next++;
      await sendOne(index, all[index] as string);
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
