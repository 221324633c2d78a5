import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWeekUrl, cardPage, EDIT_URL } from './calendar-page';
import { launch, readStore, type Session } from './harness';
import { LogControlDriver } from './log-control';
import { eachTestFromEmptyLog } from './start-from';

// Saved cards of the shapes issue 8 names, each served alone under a Calendar address, in Chromium with the
// built extension, on a clock just after the saved week. Each case has its own event id, and each test starts from
// an empty log besides (beforeEach), so none relies on what another logged.
const CASES = {
  group: { url: accountWeekUrl(1), html: cardPage('dialog.group.html', 'groupcase0001') },
  rotated: { url: accountWeekUrl(2), html: cardPage('dialog.rotated.html', 'rotatedcase002') },
  moved: { url: accountWeekUrl(3), html: cardPage('dialog.moved.html') },
  card: { url: accountWeekUrl(4), html: cardPage('dialog.en-12h.html') },
  frenchDeclined: { url: accountWeekUrl(5), html: cardPage('dialog.fr-declined.html', 'frenchcase0005') },
  shortened: { url: accountWeekUrl(6), html: cardPage('dialog.shortened.html', 'shortcase00006') },
  conflict: { url: accountWeekUrl(7), html: cardPage('dialog.response-conflict.html', 'conflictcase07') },
  redesigned: { url: accountWeekUrl(8), html: cardPage('dialog.redesigned.html', 'redesigncase08') },
  scripted: { url: accountWeekUrl(9), html: cardPage('dialog.en-12h.html', 'scriptedcase09') },
  edit: { url: EDIT_URL, html: cardPage('edit.en.html') },
};

let session: Session;
let page: Page;
let control: LogControlDriver;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await launch({
    fakeTime: '2026-11-28 20:00:00',
    timeZone: 'Asia/Kolkata',
    pages: Object.fromEntries(Object.values(CASES).map(({ url, html }) => [url, html])),
  });
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: 'https://calendar.google.com',
  });
  page = await session.context.newPage();
  control = new LogControlDriver(page);
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(async () => {
  await session?.close();
});

// Each test's case page is loaded by `open`.
eachTestFromEmptyLog(() => ({ session, page, pageErrors }));

async function open(url: string): Promise<void> {
  await page.goto(url);
  await expect.poll(() => control.label()).toMatch(/^Log/);
}

const meeting = async (key: string) => (await readStore(session.worker)).interactions.find((i) => i.key === key);
const person = async (email: string) => (await readStore(session.worker)).people.find((p) => p.email === email);
const iso = (ms: unknown) => new Date(ms as number).toISOString();

describe('Calendar reading that survives the real page (Chromium, built extension)', () => {
  it('a Google Group is not logged as a person, and the control says how many groups were not counted', async () => {
    await open(CASES.group.url);
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 4 people · 1 group not counted');
    expect((await meeting('gcal:groupcase0001'))?.people).toHaveLength(4);
    expect(await person('eng-leads@example.com')).toBeUndefined();
    expect(await person('lena.fischer@example.com')).toBeUndefined(); // a member Calendar did not list
  });

  it('a card whose class names all rotated is read by ids, roles and structure', async () => {
    await open(CASES.rotated.url);
    expect(await page.locator('bridges-log-control').count()).toBe(1);
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 4 people');
    const logged = await meeting('gcal:rotatedcase002');
    expect([iso(logged?.start), iso(logged?.end)]).toEqual(['2026-11-24T18:00:00.000Z', '2026-11-24T19:00:00.000Z']);
  });

  it("a moved instance of a recurring meeting is stored at the card's time, not its id's", async () => {
    await open(CASES.moved.url);
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 1 person');
    const logged = await meeting('gcal:b028tvasrf4039si1mg44gaske_20261116T150000Z');
    expect([iso(logged?.start), iso(logged?.end)]).toEqual(['2026-11-17T16:00:00.000Z', '2026-11-17T16:30:00.000Z']);
  });

  it('the full event page has the same control and rules, and it and the card are one meeting', async () => {
    await open(CASES.edit.url);
    expect(await page.locator('bridges-log-control + #xSaveBu').count()).toBe(1);
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 4 people');
    const logged = await meeting('gcal:k5058hfr4d2s30ltiuocpedthd');
    expect(logged).toMatchObject({ title: 'Q4 planning review', start: Date.UTC(2026, 10, 24, 18) });
    await open(CASES.card.url);
    await expect.poll(() => control.label()).toBe('Logged · 4 people');
    await control.click();
    await expect.poll(() => control.message()).toBe('Already in your log: nothing changed.');
    expect((await readStore(session.worker)).interactions.filter((i) => i.key === logged?.key)).toHaveLength(1);
  });

  it('a French card the user declined is not logged, and the control says why', async () => {
    await open(CASES.frenchDeclined.url);
    await control.click();
    await expect.poll(() => control.message()).toBe('Not logged: you declined this meeting.');
    expect(await meeting('gcal:frenchcase0005')).toBeUndefined();
  });

  it('a shortened guest list logs the guests shown and says it was partial', async () => {
    await open(CASES.shortened.url);
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 19 people');
    expect(await control.message()).toBe('Logged 20 of 32 guests: Calendar showed 20.');
    expect((await meeting('gcal:shortcase00006'))?.people).toHaveLength(19);
  });

  it('when the page disagrees about whether the user declined, it asks, and logs only on "Log anyway"', async () => {
    await open(CASES.conflict.url);
    await control.click();
    await expect.poll(() => control.label()).toBe('Log anyway');
    expect(await meeting('gcal:conflictcase07')).toBeUndefined();
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 4 people');
  });

  it('an unreadable card offers a bug report that carries its structure and nothing of its content', async () => {
    await open(CASES.redesigned.url);
    await control.click();
    await expect
      .poll(() => control.state())
      .toMatchObject({ report: true, message: expect.stringMatching(/^Bridges can't read/) });
    await control.click('report');
    await expect.poll(() => control.message()).toMatch(/^Copied\./);
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain('div id=xDetDlg');
    for (const secret of [
      'Q4 planning',
      'Priya',
      'alex.morgan',
      'example.com',
      'Room 4A',
      '1:00',
      'November',
      'abc-defg',
    ]) {
      expect(report).not.toContain(secret);
    }
    expect(await meeting('gcal:redesigncase08')).toBeUndefined();
  });

  it("Calendar's own scripts cannot reach or drive the control; a person's click can", async () => {
    await open(CASES.scripted.url);
    const reached = await page.evaluate(async () => {
      const host = document.querySelector('bridges-log-control') as HTMLElement;
      host.click();
      // A click the control's button gets is cancelled at once, before it is judged: these come back uncancelled.
      const click = () => new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      const uncancelled = [host.dispatchEvent(click())];
      // Even a script that finds the button's place on the page gets an untrusted click, on the host.
      const box = host.getBoundingClientRect();
      const at = document.elementFromPoint(box.right - 20, box.top + box.height / 2);
      uncancelled.push(at?.dispatchEvent(click()) ?? false);
      return { shadowRoot: host.shadowRoot === null ? 'closed' : 'open', hit: at?.tagName.toLowerCase(), uncancelled };
    });
    expect(reached).toEqual({ shadowRoot: 'closed', hit: 'bridges-log-control', uncancelled: [true, true] });
    expect(await control.label()).toBe('Log meeting');
    // The scripts' clicks reached only the host: the button behind its closed root never saw them (that it would
    // refuse a script's click even there is card-watcher.test.ts's, which watches each click being judged). A
    // person's click logs it, with nothing to say.
    await control.click();
    await expect.poll(() => control.label()).toBe('Logged · 4 people');
    expect(await control.message()).toBe('');
  });
});
