import type * as v from 'valibot';
import type { SettingRow } from '../db/types';
import { CadenceDefaultsSchema, InternalDomainsSetting, MyEmailsSetting } from '../schema';
import { settingFromRowWith } from '../settings-read';
import { POPUP_SETTINGS, type Settings } from '../settings-schema';

/** The three settings the popup reads, as they are stored (lib/popup/model.ts `PopupSettings` is what it ranks with). */
export type StoredPopupSettings = Pick<Settings, (typeof POPUP_SETTINGS)[number]>;

/** The schemas of the popup's three settings only, so that its first paint carries no others. */
const SCHEMAS: { [N in keyof StoredPopupSettings]: v.GenericSchema<unknown, StoredPopupSettings[N]> } = {
  myEmails: MyEmailsSetting,
  internalDomains: InternalDomainsSetting,
  cadenceDefaults: CadenceDefaultsSchema,
};

/**
 * The popup's settings from their rows (in POPUP_SETTINGS' order), each checked as every read of a setting is:
 * one that fails is not used (the default is) and is said in the console; the settings page says it too.
 */
export function popupSettingsFromRows(rows: ReadonlyArray<SettingRow | undefined>): StoredPopupSettings {
  const out = {} as StoredPopupSettings;
  POPUP_SETTINGS.forEach(<N extends keyof StoredPopupSettings>(name: N, i: number) => {
    const { value, problem } = settingFromRowWith(
      name,
      rows[i],
      SCHEMAS[name] as v.GenericSchema<unknown, Settings[N]>,
    );
    if (problem) console.warn(`Bridges: ${problem.message}`);
    out[name] = value;
  });
  return out;
}
