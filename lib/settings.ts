import type * as v from 'valibot';
import type { AppDB } from './db/app-db';
import type { SettingRow } from './db/types';
import { type UserSettings, UserSettingsSchema } from './schema';
import { checkSetting, SETTING_SCHEMAS } from './settings-checks';
import { SETTING_LABELS, type SettingProblem, settingFromRowWith } from './settings-read';
import type { SettingName, Settings } from './settings-schema';

/**
 * The settings live in the extension's own database (the `settings` store, a row per setting), where no
 * content script can reach them: Firefox lets a content script read and write the extension's local storage,
 * and the feed's secret address, the user's own addresses and the guest limit must be out of its reach. Only
 * the background writes them (through commands); every value is checked by its schema when it is read as when
 * it is written, and one that fails is ignored and said, never used.
 */

export type { SettingProblem };

/** The value to use for a stored row (or its absence), and the problem when the stored one cannot be used. */
export function settingFromRow<N extends SettingName>(
  name: N,
  row: SettingRow | undefined,
): { value: Settings[N]; problem: SettingProblem | null } {
  return settingFromRowWith(name, row, SETTING_SCHEMAS[name] as unknown as v.GenericSchema<unknown, Settings[N]>);
}

/** The named settings from their rows (in the same order), checked: the values to use and what failed. */
export function settingsFromRows<N extends SettingName>(
  names: readonly N[],
  rows: ReadonlyArray<SettingRow | undefined>,
): { values: Pick<Settings, N>; problems: SettingProblem[] } {
  const values = {} as Pick<Settings, N>;
  const problems: SettingProblem[] = [];
  names.forEach((name, i) => {
    const { value, problem } = settingFromRow(name, rows[i]);
    values[name] = value;
    if (problem) problems.push(problem);
  });
  return { values, problems };
}

/** Says, once per problem and context, that a stored setting was ignored. */
const said = new Set<string>();
function say(problem: SettingProblem | null): void {
  if (!problem || said.has(problem.message)) return;
  said.add(problem.message);
  console.warn(`Bridges: ${problem.message}`);
}

/** One setting, checked. */
export async function getSetting<N extends SettingName>(db: AppDB, name: N): Promise<Settings[N]> {
  const { value, problem } = settingFromRow(name, await db.settings.get(name));
  say(problem);
  return value;
}

/** Several settings in one read, checked. */
export async function getSettings<N extends SettingName>(db: AppDB, names: readonly N[]): Promise<Pick<Settings, N>> {
  const { values, problems } = settingsFromRows(names, await db.settings.bulkGet([...names]));
  for (const problem of problems) say(problem);
  return values;
}

/**
 * The settings a user sets (those a backup carries, lib/schema.ts): each row of theirs carries when it was changed,
 * so that across the user's browsers the later change wins (lib/sync).
 */
export const USER_SETTING_NAMES = Object.keys(UserSettingsSchema.entries) as Array<keyof UserSettings & SettingName>;

/**
 * Writes a setting (the background only), checked first: a value its schema refuses is never stored. A setting the
 * user sets is marked as changed at `changedAt` (now, unless sync brings a change made earlier on another browser).
 */
export async function setSetting<N extends SettingName>(
  db: AppDB,
  name: N,
  value: Settings[N],
  changedAt: number = Date.now(),
): Promise<void> {
  const checked = checkSetting(name, value);
  if (!checked.ok) throw new Error(`Bridges did not save your ${SETTING_LABELS[name]}: ${checked.problem}`);
  const user = (USER_SETTING_NAMES as readonly string[]).includes(name);
  await db.settings.put({ name, value: checked.value, ...(user ? { changedAt } : {}) });
}

/** Writes the settings that are there, all or none; leaves the others as they are. */
export function saveUserSettings(db: AppDB, settings: UserSettings): Promise<void> {
  return db.transaction('rw', db.settings, async () => {
    if (settings.meetingRules) await setSetting(db, 'meetingRules', settings.meetingRules);
    if (settings.myEmails) await setSetting(db, 'myEmails', settings.myEmails);
    if (settings.internalDomains) await setSetting(db, 'internalDomains', settings.internalDomains);
    if (settings.cadenceDefaults) await setSetting(db, 'cadenceDefaults', settings.cadenceDefaults);
    if (settings.reminders) await setSetting(db, 'reminders', settings.reminders);
    if (settings.catchUp) await setSetting(db, 'catchUp', settings.catchUp);
    if (settings.prepPanel !== undefined) await setSetting(db, 'prepPanel', settings.prepPanel);
    if (settings.prepCollapsed !== undefined) await setSetting(db, 'prepCollapsed', settings.prepCollapsed);
  });
}
