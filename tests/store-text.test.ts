import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppDB } from '../lib/db/app-db';
import { FIRST_PAINT_KEY } from '../lib/popup/first-paint';
import { SETTING_FALLBACKS } from '../lib/settings-schema';
import config from '../wxt.config';

// The store's privacy statement and listing say what the code does: every place Bridges stores something is
// named in the statement, and the listing's summary is the manifest's description. (The permissions and the
// network policy of the built manifest are checked against the statement in tests/e2e/build.e2e.ts.)
const privacy = readFileSync(join(process.cwd(), 'store/privacy.md'), 'utf8');
const listing = readFileSync(join(process.cwd(), 'store/listing.md'), 'utf8');

describe('the privacy statement and the listing', () => {
  it('names every store of the database', () => {
    const db = new AppDB(`store-text-${crypto.randomUUID()}`);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'groups',
      'heldClicks',
      'interactions',
      'people',
      'settings',
      'sync',
      'tombstones',
      'upcoming',
    ]);
    for (const table of db.tables) expect(privacy).toContain(`| \`${table.name}\``);
    expect(privacy).toContain('IndexedDB database (`bridges`)');
  });

  it('names every setting kept in the database', () => {
    // Every setting has a fallback (its type asks for one), so a setting added later is named here too.
    const names = Object.keys(SETTING_FALLBACKS);
    expect(names).toContain('meetingRules');
    for (const name of names) expect(privacy).toContain(`| \`${name}\``);
  });

  it("names what is kept in the browser's session storage", () => {
    expect(privacy).toContain("In the browser's session storage");
    expect(privacy).toContain(`| \`${FIRST_PAINT_KEY}\``);
  });

  it("gives the manifest's description as the listing's summary, within the stores' 132 characters", async () => {
    const manifest = config.manifest as (env: object) => Promise<{ description: string }> | { description: string };
    const { description } = await manifest({
      browser: 'chrome',
      command: 'build',
      manifestVersion: 3,
      mode: 'production',
    });
    expect(description.length).toBeLessThanOrEqual(132);
    expect(listing).toContain(`## Summary (the manifest's description; at most 132 characters)\n\n${description}\n`);
  });
});
