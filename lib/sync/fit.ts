import { compress } from './codec';
import { CORE, SECTION_NAMES, type SyncDocument } from './document';
import { sectionBytes } from './store';

/**
 * What fits in the browser's sync: the core, and as many of the ranked records as the budget allows, in their
 * order (deletions, decisions, contacts, notes, digests alone). The count is the largest that fits, a function of
 * the records alone, so that two browsers holding the same records write the same sections (and stop writing).
 */

/** The manifest's and the meta item's room, set aside from the budget (both are well under it). */
export const MANIFEST_RESERVE = 2_500;

/** A document's records, prepared once for many trial cuts: each record's section and JSON. */
export interface Prepared {
  document: SyncDocument;
  sections: string[];
  json: string[];
  coreText: string;
}

export function prepare(document: SyncDocument): Prepared {
  return {
    document,
    sections: document.ranked.map((r) => r.section),
    json: document.ranked.map((r) => r.json),
    coreText: JSON.stringify(document.core),
  };
}

/** The sections' texts with the first `count` ranked records: each section's records in the order of their keys. */
export function textsAt(prepared: Prepared, count: number): Map<string, string> {
  const members = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const name = prepared.sections[i] as string;
    const list = members.get(name);
    if (list) list.push(i);
    else members.set(name, [i]);
  }
  const texts = new Map<string, string>([[CORE, prepared.coreText]]);
  const keys = prepared.document.ranked;
  for (const name of SECTION_NAMES) {
    const list = members.get(name);
    if (!list) continue;
    list.sort((a, b) => {
      const [x, y] = [keys[a]?.key ?? '', keys[b]?.key ?? ''];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    texts.set(name, `{"r":[${list.map((i) => prepared.json[i]).join(',')}]}`);
  }
  return texts;
}

/** Compressed texts, kept between trials and between pushes (a section that did not change is not compressed again). */
export class Compressor {
  private cache = new Map<string, Uint8Array>();
  private used = new Set<string>();

  async of(text: string): Promise<Uint8Array> {
    this.used.add(text);
    let bytes = this.cache.get(text);
    if (!bytes) {
      bytes = await compress(text);
      this.cache.set(text, bytes);
    }
    return bytes;
  }

  /** Forgets what was not used since the last call. */
  settle(): void {
    for (const text of this.cache.keys()) if (!this.used.has(text)) this.cache.delete(text);
    this.used.clear();
  }
}

export interface Fit {
  /** How many ranked records travel. */
  count: number;
  texts: Map<string, string>;
  /** The sections' bytes in the browser's sync, keys included (without the manifest and the meta). */
  bytes: number;
}

/**
 * The largest cut that fits `budget` (the core always goes). `hint` (the last push's cut) only speeds the search:
 * the answer does not depend on it.
 */
export async function fitDocument(prepared: Prepared, budget: number, compressor: Compressor, hint = 0): Promise<Fit> {
  const total = prepared.document.ranked.length;
  const room = budget - MANIFEST_RESERVE;
  const tried = new Map<number, Fit>();
  const attempt = async (count: number): Promise<Fit> => {
    const known = tried.get(count);
    if (known) return known;
    const texts = textsAt(prepared, count);
    let bytes = 0;
    for (const text of texts.values()) bytes += sectionBytes((await compressor.of(text)).length).bytes;
    const fit = { count, texts, bytes };
    tried.set(count, fit);
    return fit;
  };
  const fits = async (count: number) => (await attempt(count)).bytes <= room;

  if (await fits(total)) return attempt(total);
  // The largest count that fits lies in [low, high): gallop from the hint, then halve.
  let low: number;
  let high: number;
  const start = Math.min(Math.max(hint, 0), total - 1);
  if (await fits(start)) {
    low = start;
    let step = 1;
    while (low + step < total && (await fits(low + step))) {
      low += step;
      step *= 2;
    }
    high = Math.min(low + step, total);
  } else {
    high = start;
    let step = 1;
    low = Math.max(high - step, 0);
    while (low > 0 && !(await fits(low))) {
      high = low;
      step *= 2;
      low = Math.max(high - step, 0);
    }
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await fits(middle)) low = middle;
    else high = middle;
  }
  return attempt(low);
}
