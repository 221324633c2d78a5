import * as v from 'valibot';
import { compress, decompress, fromBase85, itemBytes, toBase85 } from './codec';
import { decrypt, encrypt } from './crypto';
import { SYNC_LIMITS } from './limits';

/**
 * How Bridges' data lies in the browser's sync, item by item (uBlock Origin's cloud storage is the model: compress,
 * split, write what changed).
 *
 * - `bridges:meta`, in plain JSON: the format, the salt and iteration count of the key, and a key check. Nothing
 *   else is plain.
 * - `bridges:manifest`, ciphertext: the generation, and for each section the hash of its text, its record count and
 *   the keys of its chunks.
 * - `b:<id><n>`, ciphertext: a section's chunks. A section is compressed (deflate-raw), encrypted (AES-GCM, bound to
 *   its name and hash), written as base85 text, and cut into items under the per-item limit. Every write of a
 *   section takes a new id, so the chunks of the generation a reader holds are never overwritten.
 *
 * A new generation is written as its changed sections' chunks first, then the manifest naming them, then the old
 * chunks are removed: a reader finds the old whole or the new whole. One whose manifest names chunks not all there
 * yet (the browser delivers items one by one) waits for the next change.
 */
export const META_KEY = 'bridges:meta';
export const MANIFEST_KEY = 'bridges:manifest';
const CHUNK_PREFIX = 'b:';
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const INDEX_CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Whether an item of the browser's sync is one of Bridges'. */
export function isOurs(key: string): boolean {
  return key === META_KEY || key === MANIFEST_KEY || key.startsWith(CHUNK_PREFIX);
}

export const FORMAT = 1;

export const MetaSchema = v.object({
  v: v.literal(FORMAT),
  salt: v.pipe(v.string(), v.maxLength(100)),
  iter: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000_000)),
  check: v.pipe(v.string(), v.maxLength(500)),
});

const SectionEntrySchema = v.object({
  h: v.pipe(v.string(), v.maxLength(100)),
  k: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(SYNC_LIMITS.MAX_ITEMS)),
  r: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type SectionEntry = v.InferOutput<typeof SectionEntrySchema>;

export const ManifestSchema = v.object({
  v: v.literal(FORMAT),
  gen: v.pipe(v.string(), v.maxLength(100)),
  /** When it was written (ms). */
  at: v.number(),
  /** "Delete everything, on every browser too" was asked for at this time (ms). */
  wipedAt: v.optional(v.number()),
  s: v.record(v.pipe(v.string(), v.maxLength(20)), SectionEntrySchema),
});
export type Manifest = v.InferOutput<typeof ManifestSchema>;

/** A random id of `length` letters and digits. */
export function randomId(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => ID_CHARS[b % ID_CHARS.length]).join('');
}

/** The key of a section write's `n`th chunk. */
const chunkKey = (id: string, n: number) => `${CHUNK_PREFIX}${id}${INDEX_CHARS[n]}`;
const CHUNK_KEY_LENGTH = chunkKey('x'.repeat(6), 0).length;
/** The text a chunk may hold: the item limit, less its key and the value's two quotes. */
const CHUNK_CHARS = SYNC_LIMITS.QUOTA_BYTES_PER_ITEM - CHUNK_KEY_LENGTH - 2 - 8;

/** The hash of a section's text, as the manifest names it. */
export async function hashText(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toBase85(new Uint8Array(digest).subarray(0, 12));
}

const sectionLabel = (name: string, hash: string) => `bridges:${name}:${hash}`;
const IV_AND_TAG = 28;

/** The characters base85 text of `bytes` bytes takes. */
const base85Length = (bytes: number) => Math.floor(bytes / 4) * 5 + (bytes % 4 ? (bytes % 4) + 1 : 0);

/** What a section whose text compresses to `compressed` bytes takes in the browser's sync, its keys included. */
export function sectionBytes(compressed: number): { items: number; bytes: number } {
  const chars = base85Length(compressed + IV_AND_TAG);
  const items = Math.max(1, Math.ceil(chars / CHUNK_CHARS));
  return { items, bytes: chars + items * (CHUNK_KEY_LENGTH + 2) };
}

/** A section, compressed, encrypted and cut into chunks: the items to write. */
export async function sealSection(
  key: CryptoKey,
  name: string,
  text: string,
  hash: string,
  compressed?: Uint8Array,
): Promise<Record<string, string>> {
  const sealed = await encrypt(key, compressed ?? (await compress(text)), sectionLabel(name, hash));
  const encoded = toBase85(sealed);
  const id = randomId(6);
  const items: Record<string, string> = {};
  for (let n = 0; n * CHUNK_CHARS < encoded.length || n === 0; n++) {
    if (n >= INDEX_CHARS.length) throw new Error('A section is too large for the browser sync.');
    items[chunkKey(id, n)] = encoded.slice(n * CHUNK_CHARS, (n + 1) * CHUNK_CHARS);
  }
  return items;
}

/**
 * A section's text from the items, as the manifest names it: 'missing' while one of its chunks has not arrived,
 * 'unreadable' when they do not decrypt to it (altered, or written with another key).
 */
export async function openSection(
  key: CryptoKey,
  name: string,
  entry: SectionEntry,
  items: Readonly<Record<string, unknown>>,
): Promise<string | 'missing' | 'unreadable'> {
  let encoded = '';
  for (const k of entry.k) {
    const chunk = items[k];
    if (typeof chunk !== 'string') return 'missing';
    encoded += chunk;
  }
  const sealed = fromBase85(encoded);
  const compressed = sealed && (await decrypt(key, sealed, sectionLabel(name, entry.h)));
  if (!compressed) return 'unreadable';
  try {
    return await decompress(compressed);
  } catch {
    return 'unreadable';
  }
}

/** The manifest, encrypted, as the item's value. */
export async function sealManifest(key: CryptoKey, manifest: Manifest): Promise<string> {
  return toBase85(await encrypt(key, await compress(JSON.stringify(manifest)), 'bridges:manifest'));
}

/** The manifest from its item's value, or null when it cannot be read with `key` or is not one. */
export async function openManifest(key: CryptoKey, value: unknown): Promise<Manifest | null> {
  if (typeof value !== 'string') return null;
  const sealed = fromBase85(value);
  const compressed = sealed && (await decrypt(key, sealed, 'bridges:manifest'));
  if (!compressed) return null;
  try {
    const parsed = v.safeParse(ManifestSchema, JSON.parse(await decompress(compressed)));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** How much of the browser's sync Bridges' items take. */
export function usage(items: Readonly<Record<string, unknown>>): { items: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) {
    if (!isOurs(key)) continue;
    count++;
    bytes += itemBytes(key, value);
  }
  return { items: count, bytes };
}

/** The chunk keys a manifest names. */
export function chunksOf(manifest: Manifest | null): Set<string> {
  return new Set(Object.values(manifest?.s ?? {}).flatMap((e) => e.k));
}
