// @vitest-environment happy-dom
import { strToU8, zipSync } from 'fflate';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryImport } from '../../components/manage/data/HistoryImport';
import { AppDB } from '../../lib/db/app-db';
import { getSetting, setSetting } from '../../lib/settings';
import { startBackground } from '../helpers/background';
import { clearUploads } from '../helpers/uploads';

// The history import as the user meets it, against the real background dispatcher: the file readers run here
// directly instead of in their workers (happy-dom has none), everything else as in the extension.
vi.mock('../../lib/data/export-in-worker', async () => {
  const { readCalendarFile } = await import('../../lib/data/calendar-export');
  return { readExportInWorker: readCalendarFile };
});
vi.mock('../../lib/data/ics/read-in-worker', async () => {
  const { readIcs } = await import('../../lib/data/ics');
  return { readIcsInWorker: async (text: string, options: never) => readIcs(text, options) };
});

const NOW = Date.parse('2026-11-23T18:00:00Z');
let db: AppDB;
let root: HTMLElement;
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  fakeBrowser.reset();
  clearUploads();
  db = new AppDB(`history-${crypto.randomUUID()}`);
  stop = startBackground(db, { now: () => NOW }).stop;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  stop();
  vi.useRealTimers();
  await db.delete();
});

const calendar = (name: string, events: number, guests: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    `X-WR-CALNAME:${name}`,
    ...Array.from({ length: events }, (_, i) => [
      'BEGIN:VEVENT',
      `UID:${name}-${i}@google.com`,
      `DTSTART:202610${String(1 + (i % 28)).padStart(2, '0')}T150000Z`,
      `DTEND:202610${String(1 + (i % 28)).padStart(2, '0')}T153000Z`,
      'SUMMARY:Meeting',
      ...guests.map((g) => `ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;CN=${g}:mailto:${g}`),
      'END:VEVENT',
    ]).flat(),
    'END:VCALENDAR',
  ].join('\r\n');

/** The export: my calendar with 5 meetings with Kim, Kim's own calendar with 40 (with Lee). */
const ME = 'me@corp.example';
const KIM = 'kim@corp.example';
const exportOf = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
const colleagueExport = () =>
  exportOf({ [`${ME}.ics`]: calendar(ME, 5, [ME, KIM]), [`${KIM}.ics`]: calendar(KIM, 40, [KIM, 'lee@corp.example']) });

const tick = () => new Promise((r) => setTimeout(r, 0));
async function choose(name: string, bytes: Uint8Array<ArrayBuffer> | string, size?: number) {
  const file = new File([bytes], name);
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  const input = root.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
}
/** Each calendar row: its text and whether it is ticked. */
const rows = () =>
  [...root.querySelectorAll('fieldset:not(.owner-question) label.check')].map((label) => [
    label.textContent?.trim(),
    label.querySelector('input')?.checked,
  ]);
const radios = () => [...root.querySelectorAll<HTMLInputElement>('.owner-question input[type="radio"]')];
const radio = (text: RegExp) => {
  const found = radios().find((r) => text.test(r.parentElement?.textContent?.trim() ?? ''));
  if (!found) throw new Error(`no choice ${text}`);
  return found;
};
const importButton = () => root.querySelector<HTMLButtonElement>('button[type="submit"]');
const said = () => root.querySelector('[role="status"], [role="alert"]')?.textContent;
const people = async () => (await db.people.toArray()).map((p) => p.email).sort();

describe('whose calendar it is', () => {
  it("asks when the export's name does not say, and imports nothing as mine until the user answers", async () => {
    render(<HistoryImport myEmails={[]} />, root);
    await choose('export.zip', colleagueExport());
    await vi.waitFor(() =>
      expect(root.querySelector('.owner-question legend')?.textContent).toBe('Which of these is your own calendar?'),
    );
    expect(radios().map((r) => [r.parentElement?.textContent?.trim(), r.checked])).toEqual([
      [`${KIM} (40 events)`, false],
      [`${ME} (5 events)`, false],
      ['None of these', false],
    ]);
    expect(rows()).toEqual([
      [`${KIM} (a person's calendar, 40 events)`, false],
      [`${ME} (a person's calendar, 5 events)`, false],
    ]);
    expect(importButton()?.disabled).toBe(true);

    radio(/^me@/).click();
    await tick();
    expect(rows()).toEqual([
      [`${KIM} (someone else's calendar, 40 events)`, false],
      [`${ME} (your calendar, 5 events)`, true],
    ]);
    expect(importButton()?.textContent).toBe('Import 1 calendar');
    importButton()?.click();
    await vi.waitFor(() => expect(root.querySelector('.import-report')).not.toBeNull());
    expect(await getSetting(db, 'myEmails')).toEqual([ME]);
    expect(await people()).toEqual([KIM]);
  });

  it('takes the address the export is named after as mine, with a way to say it is not', async () => {
    render(<HistoryImport myEmails={[]} />, root);
    await choose(`${ME}.ical (1).zip`, colleagueExport());
    await vi.waitFor(() => expect(root.querySelector('.owner-named')).not.toBeNull());
    expect(root.querySelector('.owner-named')?.textContent).toBe(
      `Your calendar: ${ME} (the export is named after it) Not yours?`,
    );
    expect(rows()).toEqual([
      [`${ME} (your calendar, 5 events)`, true],
      [`${KIM} (someone else's calendar, 40 events)`, false],
    ]);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Not yours?')?.click();
    await tick();
    expect(root.querySelector('.owner-question legend')?.textContent).toBe('Which of these is your own calendar?');
    expect(radios().some((r) => r.checked)).toBe(false);
    expect(rows().map(([, ticked]) => ticked)).toEqual([false, false]);
    expect(importButton()?.disabled).toBe(true);
    radio(/^None of these/).click();
    await tick();
    expect(rows()).toEqual([
      [`${ME} (someone else's calendar, 5 events)`, false],
      [`${KIM} (someone else's calendar, 40 events)`, false],
    ]);
  });

  it('asks about a single calendar file whose addresses Bridges does not know, and learns only the answer', async () => {
    render(<HistoryImport myEmails={[]} />, root);
    await choose('calendar.ics', calendar('Work', 3, [ME, KIM]));
    await vi.waitFor(() =>
      expect(root.querySelector('.owner-question legend')?.textContent).toBe('Which of these addresses is yours?'),
    );
    expect(radios().map((r) => r.parentElement?.textContent?.trim())).toEqual([
      `${KIM} (in 3 of 3 meetings)`,
      `${ME} (in 3 of 3 meetings)`,
      'None of these',
    ]);
    expect(await db.interactions.count()).toBe(0);
    expect(importButton()?.disabled).toBe(true);
    radio(/^me@/).click();
    await tick();
    importButton()?.click();
    await vi.waitFor(() => expect(root.querySelector('.import-report')).not.toBeNull());
    expect(await getSetting(db, 'myEmails')).toEqual([ME]);
    expect(await people()).toEqual([KIM]);
  });

  it('imports a single calendar file at once when an address Bridges knows is in it', async () => {
    await setSetting(db, 'myEmails', [ME]);
    render(<HistoryImport myEmails={[ME]} />, root);
    await choose('calendar.ics', calendar('Work', 3, [ME, KIM]));
    await vi.waitFor(() => expect(root.querySelector('.import-report')).not.toBeNull());
    expect(root.querySelector('.owner-question')).toBeNull();
    expect(await people()).toEqual([KIM]);
  });
});

describe('the limits of the file', () => {
  it('says how large a file is and how large Bridges reads, without reading it', async () => {
    render(<HistoryImport myEmails={[]} />, root);
    await choose('calendar.ics', 'BEGIN:VCALENDAR', 600 * 1024 * 1024);
    await vi.waitFor(() =>
      expect(said()).toBe(
        'Nothing was imported. calendar.ics is 600 MB; Bridges reads calendar files up to 200 MB. Export a shorter span of the calendar, or one calendar at a time.',
      ),
    );
  });

  it('gives files of one name in two folders a checkbox each', async () => {
    await setSetting(db, 'myEmails', [ME]);
    render(<HistoryImport myEmails={[ME]} />, root);
    await choose(
      'export.zip',
      exportOf({ [`work/${ME}.ics`]: calendar(ME, 3, [KIM]), [`old/${ME}.ics`]: calendar(ME, 7, [KIM]) }),
    );
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()).toEqual([
      [`${ME} (your calendar, 7 events, in old/)`, true],
      [`${ME} (your calendar, 3 events, in work/)`, true],
    ]);
    root.querySelector<HTMLInputElement>('fieldset label.check input')?.click();
    await tick();
    expect(rows().map(([, ticked]) => ticked)).toEqual([false, true]);
    expect(importButton()?.textContent).toBe('Import 1 calendar');
  });
});
