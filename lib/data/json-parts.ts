import { MAX_PART_CHARS, PART_CHARS } from './parts';

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
