import * as v from 'valibot';
import { sentenceOf } from './schema';
import { SETTING_FALLBACKS, type SettingName, type Settings } from './settings-schema';

/** What each setting is, in words, for saying that a stored one could not be used. */
export const SETTING_LABELS: Record<SettingName, string> = {
  meetingRules: 'guest limit',
  myEmails: 'own email addresses',
  internalDomains: "company's domains",
  cadenceDefaults: 'default cadences',
  weeklyPick: "week's stretch pick",
  reminders: 'weekly reminder settings',
  reminderState: "weekly reminder's state",
  ownAddresses: 'record of the signed-in account',
  feedSettings: "calendar feeds' addresses",
  feedStatus: "calendar feeds' status",
  feedSyncState: "calendar feeds' last sync",
  catchUp: 'catch-up invitation settings',
  prepPanel: '"Before you meet" setting',
  prepCollapsed: '"Before you meet" folding',
};

/** A value of a setting checked by `schema`: the value to use, or what is wrong with it. */
export function checkSettingWith<N extends SettingName>(
  name: N,
  raw: unknown,
  schema: v.GenericSchema<unknown, Settings[N]>,
): { ok: true; value: Settings[N] } | { ok: false; problem: string } {
  const result = v.safeParse(schema, raw);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problem: sentenceOf(result.issues, `Your ${SETTING_LABELS[name]} cannot be read.`) };
}

/** A stored value that failed its check: what it is, and what is wrong with it. */
export interface SettingProblem {
  name: SettingName;
  message: string;
}

/**
 * The value to use for a stored row (or its absence) checked by `schema`, and the problem when the stored one
 * cannot be used. Apart from the schemas themselves, so that a page that needs a few settings (the popup's first
 * paint) carries only theirs.
 */
export function settingFromRowWith<N extends SettingName>(
  name: N,
  row: { value: unknown } | undefined,
  schema: v.GenericSchema<unknown, Settings[N]>,
): { value: Settings[N]; problem: SettingProblem | null } {
  if (row === undefined) return { value: SETTING_FALLBACKS[name], problem: null };
  const checked = checkSettingWith(name, row.value, schema);
  if (checked.ok) return { value: checked.value, problem: null };
  const message = `Your stored ${SETTING_LABELS[name]} could not be used (${checked.problem.replace(/\.$/, '')}): Bridges uses the default until it is set again.`;
  return { value: SETTING_FALLBACKS[name], problem: { name, message } };
}
