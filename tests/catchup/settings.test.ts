import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentSettings } from '../../components/manage/data/deps';
import { DEFAULT_CATCH_UP } from '../../lib/catchup/settings';
import { type DataDeps, makeBackupFile, restoreFile } from '../../lib/data/actions';
import { type FileJob, runFileJob } from '../../lib/data/file-jobs';
import { getDb } from '../../lib/db/app-db';
import { sendMessage } from '../../lib/messaging';
import { UserSettingsSchema } from '../../lib/schema';
import { getSetting, settingFromRow } from '../../lib/settings';
import { checkCatchUp } from '../../lib/settings-validation';
import { startBackground } from '../helpers/background';

// How "Plan a catch-up" fills in an invitation is the user's setting: saved through the saveSettings command,
// checked by one schema there, when read, and in a backup, which carries it.
const NOW = Date.parse('2026-11-25T12:00:00Z');
const db = getDb();
let stop: () => void;
const deps: DataDeps = { run: (job: FileJob) => runFileJob(job, () => db) as never, send: sendMessage };

beforeEach(async () => {
  fakeBrowser.reset();
  stop = startBackground(db, { now: () => NOW }).stop;
  await db.settings.clear();
});
afterEach(() => stop());

const OUTLOOK = {
  calendar: 'outlook-work',
  minutes: 45,
  title: 'Coffee: {their name}',
  myName: 'Alex Morgan',
} as const;

describe('the catch-up settings', () => {
  it('are Google Calendar, 30 minutes and "Catch-up: {their name} / {my name}" until the user sets them', async () => {
    expect(await getSetting(db, 'catchUp')).toEqual({
      calendar: 'google',
      minutes: 30,
      title: 'Catch-up: {their name} / {my name}',
      myName: '',
    });
  });

  it('are saved by the saveSettings command, trimmed, and refused with a sentence when they cannot be used', async () => {
    await sendMessage('saveSettings', {
      catchUp: { ...OUTLOOK, title: '  Coffee: {their name}  ', myName: ' Alex Morgan ' },
    });
    expect(await getSetting(db, 'catchUp')).toEqual(OUTLOOK);
    for (const [catchUp, said] of [
      [{ ...OUTLOOK, minutes: 4 }, 'A catch-up lasts a whole number of minutes, from 5 to 480.'],
      [{ ...OUTLOOK, minutes: 481 }, 'A catch-up lasts a whole number of minutes, from 5 to 480.'],
      [{ ...OUTLOOK, minutes: 30.5 }, 'A catch-up lasts a whole number of minutes, from 5 to 480.'],
      [{ ...OUTLOOK, title: '   ' }, 'Give the invitation a title, such as "Catch-up: {their name}".'],
      [{ ...OUTLOOK, title: 'T'.repeat(201) }, "The invitation's title can be at most 200 characters."],
      [{ ...OUTLOOK, calendar: 'yahoo' }, 'Choose Google Calendar or Outlook.'],
    ] as const) {
      await expect(sendMessage('saveSettings', { catchUp: catchUp as never })).rejects.toThrow(said);
    }
    expect(await getSetting(db, 'catchUp')).toEqual(OUTLOOK);
  });

  it('a stored value that no longer passes is not used: the default is, and it is said', () => {
    const { value, problem } = settingFromRow('catchUp', { name: 'catchUp', value: { ...OUTLOOK, minutes: -5 } });
    expect(value).toEqual(DEFAULT_CATCH_UP);
    expect(problem?.message).toBe(
      'Your stored catch-up invitation settings could not be used (A catch-up lasts a whole number of minutes, from 5 to 480): Bridges uses the default until it is set again.',
    );
  });

  it('travel in a backup, and come back with its restore', async () => {
    await sendMessage('saveSettings', { catchUp: OUTLOOK });
    const settings = await currentSettings();
    expect(settings.catchUp).toEqual(OUTLOOK);
    const made = await makeBackupFile(settings, NOW, deps, () => {});
    expect(JSON.parse(await made.file.text()).settings.catchUp).toEqual(OUTLOOK);
    await sendMessage('saveSettings', { catchUp: DEFAULT_CATCH_UP });
    await restoreFile(made.file, 'merge', deps, () => {});
    expect(await getSetting(db, 'catchUp')).toEqual(OUTLOOK);
    // A backup from before there were catch-up settings still restores.
    expect(UserSettingsSchema.entries.catchUp.type).toBe('optional');
  });

  it('as typed in the settings page: the length is checked as a whole number, the rest by the same schema', () => {
    expect(checkCatchUp({ ...OUTLOOK, minutes: ' 45 ' })).toEqual({ ok: true, value: OUTLOOK });
    expect(checkCatchUp({ ...OUTLOOK, minutes: '' })).toEqual({
      ok: false,
      message: 'A catch-up lasts a whole number of minutes, from 5 to 480.',
    });
    expect(checkCatchUp({ ...OUTLOOK, minutes: '1000' })).toMatchObject({ ok: false });
    expect(checkCatchUp({ ...OUTLOOK, minutes: '30', title: '' })).toEqual({
      ok: false,
      message: 'Give the invitation a title, such as "Catch-up: {their name}".',
    });
  });
});
