import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Tests run from the project root (vitest's root); happy-dom replaces URL, so no import.meta.url here.
export const FIXTURES = join(process.cwd(), 'tests/fixtures/google-calendar/');
export const EXPECTED = join(process.cwd(), 'tests/expected/google-calendar/');

export function fixtureHtml(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** A saved Calendar page as a Document (needs a DOM environment such as happy-dom). */
export function fixtureDocument(name: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
}

export function cardFixtures(): string[] {
  return readdirSync(FIXTURES).filter((f) => f.startsWith('dialog.') && f.endsWith('.html'));
}

export function editFixtures(): string[] {
  return readdirSync(FIXTURES).filter((f) => f.startsWith('edit.') && f.endsWith('.html'));
}
