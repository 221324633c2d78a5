import { describe, expect, it } from 'vitest';
import { compress, decompress, fromBase85, itemBytes, toBase85 } from '../../lib/sync/codec';
import {
  decrypt,
  deriveKey,
  encrypt,
  generatePassphrase,
  keyOpens,
  makeCheck,
  newSalt,
  passphraseStrength,
} from '../../lib/sync/crypto';

describe('base85, as the browser sync holds binary', () => {
  it('round-trips every length and every byte value', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      if (length === 7) bytes.fill(255);
      if (length === 9) bytes.fill(0);
      expect(fromBase85(toBase85(bytes))).toEqual(bytes);
    }
  });

  it('is 5 characters for 4 bytes, each costing one byte in JSON: no quote, backslash, "<" or control character', () => {
    const bytes = new Uint8Array(4000).map((_, i) => (i * 97 + 13) % 256);
    const text = toBase85(bytes);
    expect(text).toHaveLength(5000);
    expect(JSON.stringify(text)).toHaveLength(5002);
    expect(text).not.toMatch(/["\\<>&\s]/);
    expect(itemBytes('k', text)).toBe(5003);
  });

  it('refuses text that is not base85', () => {
    expect(fromBase85('ab"cd')).toBeNull();
    expect(fromBase85('abcde1')).toBeNull(); // one character alone is no group
    expect(fromBase85('#####')).toBeNull(); // beyond 32 bits
  });
});

describe('compression and encryption', () => {
  it('compresses with deflate-raw and back', async () => {
    const text = JSON.stringify({
      r: Array.from({ length: 200 }, (_, i) => ({ e: `p${i}@x.example`, n: 'Ünïcode ✓' })),
    });
    const small = await compress(text);
    expect(small.length).toBeLessThan(text.length / 5);
    expect(await decompress(small)).toBe(text);
    await expect(decompress(new Uint8Array([1, 2, 3, 255]))).rejects.toThrow();
  });

  it('a key from the same passphrase and salt opens what another made; another passphrase or label does not', async () => {
    const salt = newSalt();
    const a = await deriveKey('correct horse battery staple', salt, 1_000);
    const b = await deriveKey('correct horse battery staple', salt, 1_000);
    const wrong = await deriveKey('correct horse battery stapler', salt, 1_000);
    const sealed = await encrypt(a, new TextEncoder().encode('Priya wants an intro'), 'bridges:n0:h');
    expect(new TextDecoder().decode((await decrypt(b, sealed, 'bridges:n0:h')) ?? new Uint8Array())).toBe(
      'Priya wants an intro',
    );
    expect(await decrypt(wrong, sealed, 'bridges:n0:h')).toBeNull();
    expect(await decrypt(b, sealed, 'bridges:n1:h')).toBeNull();
    const check = await makeCheck(a);
    expect(await keyOpens(b, check)).toBe(true);
    expect(await keyOpens(wrong, check)).toBe(false);
    // The key cannot be read out of the browser.
    await expect(crypto.subtle.exportKey('raw', a)).rejects.toThrow();
  });
});

describe('the passphrase', () => {
  it('generates 30 characters in 6 groups, different each time', () => {
    const one = generatePassphrase();
    expect(one).toMatch(/^([a-hjkmnp-z2-9]{5}-){5}[a-hjkmnp-z2-9]{5}$/);
    expect(generatePassphrase()).not.toBe(one);
    expect(passphraseStrength(one).strength).toBe('strong');
  });

  it('says how strong one is: under 12 characters refused, repeats and runs count for little', () => {
    expect(passphraseStrength('short one').strength).toBe('too-short');
    expect(passphraseStrength('aaaaaaaaaaaaaaaa').strength).toBe('weak');
    expect(passphraseStrength('abcdefghijklmnop').strength).toBe('weak');
    // Words count as words a guesser's dictionary holds.
    expect(passphraseStrength('summer holidays').strength).toBe('weak');
    expect(passphraseStrength('correct horse battery staple').strength).toBe('fair');
    expect(passphraseStrength('correct horse battery staple orbit lantern').strength).toBe('strong');
    expect(passphraseStrength('Tr0ub4dor&3 x9-Qz!k2 P@55').strength).toBe('strong');
  });
});
