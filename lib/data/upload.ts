import type { RequestOf, sendMessage } from '../messaging';

type Send = typeof sendMessage;

/**
 * Sends a large input to the background in parts (each within its command's bounds), reporting progress, and
 * returns the upload's id for the command that uses it. Nothing is written until that command runs.
 */
export async function uploadBackupParts(
  send: Send,
  parts: RequestOf<'sendBackupPart'>['part'][],
  onProgress: (done: number, total: number) => void,
): Promise<string> {
  const { upload } = await send('beginUpload', { kind: 'backup', parts: parts.length });
  for (const [index, part] of parts.entries()) {
    await send('sendBackupPart', { upload, index, part });
    onProgress(index + 1, parts.length);
  }
  return upload;
}

export async function uploadCalendarParts(
  send: Send,
  parts: RequestOf<'sendCalendarPart'>['part'][],
  onProgress: (done: number, total: number) => void,
): Promise<string> {
  const { upload } = await send('beginUpload', { kind: 'calendar', parts: Math.max(1, parts.length) });
  const all = parts.length > 0 ? parts : [{ events: [] }];
  for (const [index, part] of all.entries()) {
    await send('sendCalendarPart', { upload, index, part });
    onProgress(index + 1, all.length);
  }
  return upload;
}

/** Cuts `items` into slices of at most `size`. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
