/**
 * Bytes as text the browser's sync can hold, and text made smaller. `storage.sync` keeps JSON values and counts
 * each item as its key plus its value's JSON (Chrome: in UTF-8, as its own JSON writer prints it), so binary
 * must become text. Base85 (Z85's idea, 4 bytes as 5 characters) carries 25% more than base64 (3 as 4) in the
 * same quota. Its alphabet here is Z85's with `<`, `>` and `&` swapped for `~`, `|` and `_`: Chrome's JSON
 * writer prints `<` as the six characters `\u003C`, and none of these 85 is escaped in JSON at all, so every
 * character costs exactly one byte. (A base32768-style alphabet costs more: a character beyond ASCII is 2 or 3
 * bytes in UTF-8 and carries at most 15 bits.)
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?_~|()[]{}@%$#';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** `bytes` as base85 text; a last group of 1 to 3 bytes becomes 2 to 4 characters (Ascii85's rule). */
export function toBase85(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const n = Math.min(4, bytes.length - i);
    let word = 0;
    for (let j = 0; j < 4; j++) word = word * 256 + (j < n ? (bytes[i + j] as number) : 0);
    let group = '';
    for (let j = 0; j < 5; j++) {
      group = ALPHABET[word % 85] + group;
      word = Math.floor(word / 85);
    }
    out += group.slice(0, n + 1);
  }
  return out;
}

/** The bytes of base85 `text`, or null when it is not base85 as `toBase85` writes it. */
export function fromBase85(text: string): Uint8Array | null {
  const whole = Math.floor(text.length / 5);
  const rest = text.length % 5;
  if (rest === 1) return null;
  const out = new Uint8Array(whole * 4 + (rest ? rest - 1 : 0));
  for (let g = 0; g * 5 < text.length; g++) {
    const chars = text.slice(g * 5, g * 5 + 5);
    let word = 0;
    for (let j = 0; j < 5; j++) {
      const value = j < chars.length ? VALUE.get(chars[j] as string) : 84;
      if (value === undefined) return null;
      word = word * 85 + value;
    }
    if (word > 0xffff_ffff) return null;
    const n = chars.length - 1;
    for (let j = 0; j < n; j++) out[g * 4 + j] = Math.floor(word / 256 ** (3 - j)) % 256;
  }
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** `text` in UTF-8, compressed (raw DEFLATE, the browser's own CompressionStream). */
export function compress(text: string): Promise<Uint8Array> {
  return pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
}

/** The text `compress` made. Rejects on anything else. */
export async function decompress(bytes: Uint8Array): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw')));
}

/** The bytes `value` takes in the browser's sync as an item under `key`: the key and the value's JSON, in UTF-8. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
