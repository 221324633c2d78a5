import * as v from 'valibot';
import { MAX_PART_CHARS } from '../data/parts';
import { Refusal } from '../refusal';

/**
 * Large inputs (a backup, a calendar file's meetings) reach the background in parts, so that no message is
 * unbounded and the page can show progress. Each part is checked by its command's schema, then either waits
 * here, in the background's memory, until the command that uses them (import) takes them all at once, or goes
 * straight to a sink that writes it as it comes (restore: lib/data/restore.ts), still all at once.
 *
 * A part travels as JSON text (made in the page's worker): the page only hands a string on, so it never spends
 * its own thread turning thousands of records into a message, and the background reads the text once.
 */
export type UploadKind = 'backup' | 'calendar';

/** Where the parts of an upload go as they arrive, instead of waiting here. */
export interface PartSink {
  add(index: number, part: unknown): void;
  /** The upload was cancelled or forgotten: whatever the sink began is undone. */
  abandon(reason: string): void;
}

interface Upload {
  kind: UploadKind;
  parts: unknown[];
  expected: number;
  received: number;
  touched: number;
  sink?: PartSink;
}

/** One part's JSON text, bounded, then read: `schema` checks what it holds. */
export function PartText<S extends v.GenericSchema>(schema: S, unreadable: string) {
  return v.pipe(
    v.string(unreadable),
    v.maxLength(MAX_PART_CHARS, unreadable),
    v.parseJson(undefined, unreadable),
    schema,
  );
}

/** At most this many uploads at once. */
const MAX_UPLOADS = 4;
/** An upload nothing has been added to for this long is dropped. */
const EXPIRES_MS = 10 * 60_000;

const uploads = new Map<string, Upload>();

function forget(id: string, reason: string): void {
  uploads.get(id)?.sink?.abandon(reason);
  uploads.delete(id);
}

function sweep(now: number): void {
  for (const [id, upload] of uploads) {
    if (now - upload.touched > EXPIRES_MS) forget(id, 'The rest of the file never arrived: nothing was changed.');
  }
}

export function openUpload(kind: UploadKind, parts: number, now: number, sink?: PartSink): string {
  sweep(now);
  if (uploads.size >= MAX_UPLOADS) {
    throw new Refusal('Bridges is already taking in several files: wait for them to finish, then try again.');
  }
  const id = crypto.randomUUID();
  uploads.set(id, { kind, parts: sink ? [] : new Array(parts), expected: parts, received: 0, touched: now, sink });
  return id;
}

function find(id: string, kind: UploadKind): Upload {
  const upload = uploads.get(id);
  if (!upload || upload.kind !== kind) {
    throw new Refusal('Bridges lost track of this file (it may have restarted): choose the file again.');
  }
  return upload;
}

export function addPart(id: string, kind: UploadKind, index: number, part: unknown, now: number): number {
  const upload = find(id, kind);
  if (index >= upload.expected) throw new Refusal('This part is not part of the file Bridges was told of.');
  upload.touched = now;
  if (upload.sink) {
    upload.sink.add(index, part);
    upload.received++;
    return upload.received;
  }
  if (upload.parts[index] === undefined) upload.received++;
  upload.parts[index] = part;
  return upload.received;
}

/** The sink of an upload (the command that finishes it asks it for the outcome), and forgets the upload. */
export function takeSink<T extends PartSink>(id: string, kind: UploadKind): T {
  const upload = find(id, kind);
  uploads.delete(id);
  if (!upload.sink)
    throw new Refusal('Bridges lost track of this file (it may have restarted): choose the file again.');
  return upload.sink as T;
}

/** The page that was sending an upload went away: forgotten and undone, its slot free (no-op once finished). */
export function pageGone(id: string): void {
  if (uploads.has(id)) forget(id, 'The page that was sending the file went away: nothing was changed.');
}

/** The page gave up on an upload (a part was refused, or the user left): it is forgotten, and undone. */
export function dropUpload(id: string): void {
  forget(id, 'The file was not sent whole: nothing was changed.');
}

/** All parts of an upload, in order, and forgets it. Refuses when a part is missing. */
export function takeUpload<T>(id: string, kind: UploadKind): T[] {
  const upload = find(id, kind);
  uploads.delete(id);
  if (upload.received !== upload.expected) {
    throw new Refusal(`Only ${upload.received} of ${upload.expected} parts of the file arrived: nothing was changed.`);
  }
  return upload.parts as T[];
}
