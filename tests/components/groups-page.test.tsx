// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GroupsPage } from '../../components/manage/GroupsPage';
import { AppDB } from '../../lib/db/app-db';
import type { ManageData } from '../../lib/manage/use-manage-data';
import { DEFAULT_CADENCES } from '../../lib/relationships/cadence';
import { LIMITS } from '../../lib/schema';
import { startBackground } from '../helpers/background';

let root: HTMLElement;
let db: AppDB;
let stop: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  db = new AppDB(`groups-page-${crypto.randomUUID()}`);
  stop = startBackground(db).stop;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  root.remove();
  stop();
  await db.delete();
});

const DATA: ManageData = {
  people: [],
  groups: [],
  groupsById: new Map(),
  recent: [],
  cadences: DEFAULT_CADENCES,
  internalDomains: [],
  myEmails: [],
  now: Date.parse('2026-11-25T12:00:00Z'),
};
const nameField = () => root.querySelector('input[aria-label="New group\'s name"]') as HTMLInputElement;
async function create(name: string) {
  nameField().value = name;
  nameField().dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
  (root.querySelector('form.add button[type="submit"]') as HTMLButtonElement).click();
}

describe('creating a group', () => {
  it('keeps the typed name when the background refuses it, and clears it once the group is created', async () => {
    render(<GroupsPage data={DATA} />, root);
    const tooLong = 'G'.repeat(LIMITS.groupName + 1);
    await create(tooLong);
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/200/));
    expect(nameField().value).toBe(tooLong);
    expect(await db.groups.count()).toBe(0);
    await create('Finance');
    await vi.waitFor(() => expect(nameField().value).toBe(''));
    expect((await db.groups.toArray()).map((g) => g.name)).toEqual(['Finance']);
  });
});
