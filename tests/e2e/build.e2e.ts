import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

// Checks on the built Chrome extension (the e2e run builds it first).
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const privacy = readFileSync(join(process.cwd(), 'store/privacy.md'), 'utf8');

describe('the built extension', () => {
  it('carries the version of package.json', () => {
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')).version);
  });

  it('asks only for storage and alarms (notifications optional), and reaches only calendar.google.com', () => {
    expect(manifest.permissions).toEqual(['storage', 'alarms']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches)).toEqual([
      'https://calendar.google.com/*',
    ]);
  });

  it('forbids its pages any network connection', () => {
    expect(manifest.content_security_policy.extension_pages).toContain("connect-src 'none'");
  });

  it('ships only ASCII scripts (Chrome refuses a content script that is not)', () => {
    for (const file of files(EXTENSION_DIR).filter((f) => f.endsWith('.js'))) {
      const bytes = readFileSync(file);
      expect(
        bytes.findIndex((b) => b > 0x7f),
        file,
      ).toBe(-1);
    }
  });

  it('contains no code that talks to the network', () => {
    const code = files(EXTENSION_DIR)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const api of ['XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'fetch(']) {
      expect(code.includes(api), api).toBe(false);
    }
  });

  it('has every permission, the one site it runs on and its network policy stated in the privacy statement', () => {
    for (const permission of [...manifest.permissions, ...manifest.optional_permissions])
      expect(privacy).toContain(`| \`${permission}\``);
    for (const match of manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches))
      expect(privacy).toContain(`runs on \`${match}\` (only)`);
    const connect = /connect-src ([^;]+)/.exec(manifest.content_security_policy.extension_pages)?.[1]?.trim();
    expect(privacy).toContain(`\`connect-src ${connect}\``);
  });
});
