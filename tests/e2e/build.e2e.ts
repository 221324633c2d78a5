import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppDB } from '../../lib/db/app-db';
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
  it('is a whole build: every page, the background, the content script and the workers (the checks below read them)', () => {
    const built = files(EXTENSION_DIR).map((f) => f.slice(EXTENSION_DIR.length + 1));
    for (const file of [
      'background.js',
      'popup.html',
      'options.html',
      'popup-preload.js',
      'content-scripts/google-calendar.js',
    ])
      expect(built).toContain(file);
    expect(built.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(10);
    expect(built.some((f) => /^assets\/.*worker.*\.js$/.test(f))).toBe(true);
  });

  it('carries the version of package.json', () => {
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')).version);
  });

  it('asks only for storage and alarms (notifications optional), and reaches only calendar.google.com', () => {
    expect(manifest.permissions).toEqual(['storage', 'alarms']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.optional_host_permissions).toEqual(['https://calendar.google.com/calendar/ical/*']);
    expect(manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches)).toEqual([
      'https://calendar.google.com/*',
    ]);
  });

  it('lets Calendar frame one page, "Before you meet", and only at its per-session address', () => {
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['prep.html'], matches: ['https://calendar.google.com/*'], use_dynamic_url: true },
    ]);
  });

  it('allows its pages no connection but to the calendar feed, and nothing its policy does not name', () => {
    const policy: string = manifest.content_security_policy.extension_pages;
    const directives = policy.split(';').map((d) => d.trim());
    expect(directives[0]).toBe("default-src 'none'");
    expect(directives).toContain('connect-src https://calendar.google.com/calendar/ical/');
    expect(policy).not.toMatch(/unsafe|\*/);
    expect(policy.match(/https?:[^\s;]+/g)).toEqual(['https://calendar.google.com/calendar/ical/']);
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

  it('has no network code but the background fetch of the calendar feed', () => {
    const scripts = files(EXTENSION_DIR).filter((f) => f.endsWith('.js'));
    const background = join(EXTENSION_DIR, 'background.js');
    expect(scripts).toContain(background);
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      for (const api of ['XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'RTCPeerConnection']) {
        expect(code.includes(api), `${api} in ${file}`).toBe(false);
      }
      if (file !== background) expect(/\bfetch\b/.test(code), `fetch in ${file}`).toBe(false);
    }
    // The background's one address: Google Calendar's iCal feeds, checked before any request.
    expect(readFileSync(background, 'utf8')).toContain('https://calendar.google.com/calendar/ical/');
  });

  it('writes user data from the background only: no page, content script or worker holds a write', () => {
    // The shapes a write of ours takes once minified (table and store names survive as property names and
    // strings); Dexie's own code (its "$meta" store) is not ours.
    // Every store of the database, as the code declares it: a store added later is covered without a word here.
    const stores = new AppDB('build-check').tables.map((t) => t.name);
    expect(stores).toEqual(expect.arrayContaining(['people', 'settings', 'upcoming', 'sync']));
    const WRITES: Array<[string, RegExp]> = [
      [
        'a table write',
        new RegExp(`\\.(${stores.join('|')})\\.(put|add|bulk(?:Put|Add|Update|Delete)|update|delete|clear)\\(`),
      ],
      [
        'an upgrade',
        /\.table\([`'"]\w+[`'"]\)\.(put|add|bulk(?:Put|Add|Update|Delete)|update|delete|clear|toCollection)\b/,
      ],
      ['a read-write transaction', /\.transaction\([`'"]rw/],
      ['a raw IndexedDB write', /objectStore\((?![`'"]\$meta)[^)]{0,40}\)\.(put|add|delete|clear)\(/],
      ['a storage write', /storage\.(local|sync|session)\.(set|remove|clear)\(/],
    ];
    const background = join(EXTENSION_DIR, 'background.js');
    const found = (file: string) => {
      const code = readFileSync(file, 'utf8');
      return WRITES.filter(([, pattern]) => pattern.test(code)).map(([what]) => what);
    };
    // The check can fail: the background, the one writer, has them.
    expect(found(background)).toEqual(
      expect.arrayContaining(['a table write', 'an upgrade', 'a read-write transaction']),
    );
    const others = files(EXTENSION_DIR).filter((f) => f.endsWith('.js') && f !== background);
    expect(others.some((f) => f.includes('content-scripts'))).toBe(true);
    expect(others.some((f) => /worker/.test(f))).toBe(true);
    for (const file of others) expect(found(file), file).toEqual([]);
  });

  it("keeps the browser API out of the pages' workers, where it cannot load", () => {
    // webextension-polyfill throws at load anywhere but an extension page or worker of the extension itself.
    const workers = files(join(EXTENSION_DIR, 'assets')).filter((f) => /worker.*\.js$/.test(f));
    expect(workers.length).toBeGreaterThan(0);
    for (const file of workers) {
      expect(readFileSync(file, 'utf8').includes('only be loaded in a browser extension'), file).toBe(false);
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
