// @vitest-environment happy-dom
import { strToU8, zipSync } from 'fflate';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryImport } from '../../components/manage/data/HistoryImport';
import { clearUploads } from '../../lib/commands/uploads';
import { AppDB } from '../../lib/db/app-db';
import { myEmailsItem } from '../../lib/settings';
import { startBackground } from '../helpers/background';

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

const ME = 'me@corp.example';
const KIM = 'kim@corp.example';
const exportOf = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

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
  [...root.querySelectorAll('fieldset label.check')].map((label) => [
    label.textContent?.trim(),
    label.querySelector('input')?.checked,
  ]);
const importButton = () => root.querySelector<HTMLButtonElement>('button[type="submit"]');
const said = () => root.querySelector('[role="status"], [role="alert"]')?.textContent;

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
    await myEmailsItem.setValue([ME]);
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
