import { fromBase85, toBase85 } from './codec';

/**
 * The key and the ciphers of sync across browsers, all WebCrypto. The passphrase never leaves the background's
 * memory; the key made from it is a CryptoKey that cannot be exported, kept in this browser's database only.
 *
 * The key is derived with PBKDF2-SHA-256 at 600,000 iterations (what OWASP asks of PBKDF2-HMAC-SHA256 since 2023)
 * from the passphrase and a random salt of the user's own. The salt and a key check lie in the browser's sync
 * beside the data, in plain: anyone who holds them (the browser's vendor, someone in the user's account) can try
 * passphrases offline, and each try costs them 600,000 rounds of HMAC. A browser derives the key once, when the
 * user types the passphrase (about half a second), never again. A reader refuses salt parameters weaker than that,
 * so that data planted in the sync cannot make this browser encrypt under a cheaper key.
 */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** What a key check encrypts: a browser that decrypts it holds the same key. */
const CHECK_TEXT = 'Bridges sync key check';

export const MIN_PASSPHRASE = 12;

/** The key of `passphrase` with `salt`: AES-GCM, 256 bits, for encrypting and decrypting only, never exported. */
export async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export function newSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/**
 * `plain` encrypted with AES-GCM under a fresh random IV, bound to `label` (the additional data: a section's
 * ciphertext cannot be passed off as another's). Returns IV then ciphertext and tag.
 */
export async function encrypt(key: CryptoKey, plain: Uint8Array, label: string): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(label) },
    key,
    plain as BufferSource,
  );
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return out;
}

/** What `encrypt` sealed with `key` and `label`, or null (another key, another label, or altered). */
export async function decrypt(key: CryptoKey, sealed: Uint8Array, label: string): Promise<Uint8Array | null> {
  if (sealed.length < IV_BYTES + 16) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: sealed.subarray(0, IV_BYTES) as BufferSource,
        additionalData: new TextEncoder().encode(label),
      },
      key,
      sealed.subarray(IV_BYTES) as BufferSource,
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/** A key check: the fixed text encrypted with `key`, as text. */
export async function makeCheck(key: CryptoKey): Promise<string> {
  return toBase85(await encrypt(key, new TextEncoder().encode(CHECK_TEXT), 'check'));
}

/** Whether `key` opens `check`: the passphrase was the same. */
export async function keyOpens(key: CryptoKey, check: string): Promise<boolean> {
  const sealed = fromBase85(check);
  const plain = sealed && (await decrypt(key, sealed, 'check'));
  return plain !== null && new TextDecoder().decode(plain) === CHECK_TEXT;
}

/** Lower case and digits without look-alikes (no 0/o, 1/l/i): 31 characters, almost 5 bits each. */
const WORDS_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A passphrase to copy: 6 groups of 5 characters from 31 (about 148 bits), e.g. "k7qmx-2pdra-…". Far beyond
 * any offline guessing, and easy to read out or type on a second computer.
 */
export function generatePassphrase(): string {
  const groups: string[] = [];
  const bytes = crypto.getRandomValues(new Uint8Array(64));
  let group = '';
  for (const byte of bytes) {
    // 248 = 31 * 8: drop the bytes above it, so every character is equally likely.
    if (byte >= 248) continue;
    group += WORDS_ALPHABET[byte % 31];
    if (group.length === 5) {
      groups.push(group);
      group = '';
      if (groups.length === 6) break;
    }
  }
  return groups.length === 6 ? groups.join('-') : generatePassphrase();
}

export type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

/** Bits of a run of characters: its length times the bits of the kinds of characters in it, less for repeats and runs. */
function characterBits(chars: readonly string[]): number {
  const text = chars.join('');
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(text)) pool += 33;
  // A character that repeats the one before, or continues a run ("aaaa", "1234", "abcd"), adds little.
  let counted = 0;
  for (let i = 0; i < chars.length; i++) {
    const here = chars[i]?.codePointAt(0) ?? 0;
    const before = i > 0 ? (chars[i - 1]?.codePointAt(0) ?? 0) : Number.NaN;
    counted += Math.abs(here - before) <= 1 ? 0.25 : 1;
  }
  return Math.min(counted, new Set(chars).size * 2) * Math.log2(Math.max(pool, 2));
}

/** What a word of letters is worth to a guesser with a dictionary: one of some 8,000 common words. */
const WORD_BITS = 13;

/**
 * How hard `passphrase` is to guess offline, roughly, without a dictionary in the extension: by its characters, and
 * by its words counted as dictionary words (13 bits each), whichever is less. Below 12 characters it is refused;
 * under 50 bits weak (a farm of GPUs finds it in days, even at 600,000 rounds), under 70 fair, else strong.
 */
export function passphraseStrength(passphrase: string): { strength: Strength; bits: number } {
  const chars = [...passphrase];
  if (chars.length < MIN_PASSPHRASE) return { strength: 'too-short', bits: 0 };
  const pieces = passphrase.split(/[\s\-_.,]+/u).filter(Boolean);
  const byWords = pieces.reduce(
    (sum, piece) => sum + (/^\p{L}{3,}$/u.test(piece) ? WORD_BITS : characterBits([...piece])),
    0,
  );
  const bits = Math.round(Math.min(characterBits(chars), byWords));
  return { strength: bits < 50 ? 'weak' : bits < 70 ? 'fair' : 'strong', bits };
}
