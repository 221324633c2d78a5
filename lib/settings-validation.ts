import * as v from 'valibot';
import type { CalendarService, CatchUpSettings } from './catchup/settings';
import { isEmail, normaliseEmail } from './people/email';
import { cadenceProblem } from './relationships/cadence';
import { CatchUpSettingsSchema, hasInvisible, isDomain, sentenceOf } from './schema';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** An email address typed by the user: normalised, or a sentence saying what is wrong. */
export function checkEmail(raw: string, existing: readonly string[] = []): Checked<string> {
  const value = normaliseEmail(raw);
  if (!value) return { ok: false, message: 'Type an email address.' };
  if (hasInvisible(value)) return { ok: false, message: 'An email address cannot contain invisible characters.' };
  if (!isEmail(value)) return { ok: false, message: `"${raw.trim()}" is not an email address.` };
  if (existing.includes(value)) return { ok: false, message: `${value} is already in the list.` };
  return { ok: true, value };
}

/** A mail domain typed by the user ("example.com", also "@example.com" or a whole address). */
export function checkDomain(raw: string, existing: readonly string[] = []): Checked<string> {
  const value = raw.trim().toLowerCase().replace(/^.*@/, '');
  if (!value) return { ok: false, message: 'Type a domain, such as example.com.' };
  if (!isDomain(value)) return { ok: false, message: `"${raw.trim()}" is not a mail domain such as example.com.` };
  if (existing.includes(value)) return { ok: false, message: `${value} is already in the list.` };
  return { ok: true, value };
}

const PRIORITY_NAMES = { high: 'High priority', normal: 'Normal priority', low: 'Low priority' } as const;

/** Cadences typed into the form, by priority: each follows the one cadence rule (lib/relationships/cadence.ts). */
export function checkCadences(
  input: Record<keyof typeof PRIORITY_NAMES, { idealDays: string; maxDays: string }>,
): Checked<Record<keyof typeof PRIORITY_NAMES, { idealDays: number; maxDays: number }>> {
  const out = {} as Record<keyof typeof PRIORITY_NAMES, { idealDays: number; maxDays: number }>;
  for (const priority of Object.keys(PRIORITY_NAMES) as Array<keyof typeof PRIORITY_NAMES>) {
    const ideal = wholeNumber(input[priority].idealDays) ?? Number.NaN;
    const max = wholeNumber(input[priority].maxDays) ?? Number.NaN;
    const problem = cadenceProblem(ideal, max);
    if (problem) return { ok: false, message: `${PRIORITY_NAMES[priority]}: ${problem}` };
    out[priority] = { idealDays: ideal, maxDays: max };
  }
  return { ok: true, value: out };
}

/** The guest limit above which logging a meeting asks for a second click. */
export function checkGuestLimit(raw: string): Checked<number> {
  const value = wholeNumber(raw);
  if (value === null || value < 1 || value > 1000) {
    return { ok: false, message: 'The guest limit must be a whole number from 1 to 1000.' };
  }
  return { ok: true, value };
}

/** The reminder's weekday (0 = Sunday) and hour (0–23). */
export function checkReminderTime(day: string, hour: string): Checked<{ day: number; hour: number }> {
  const d = wholeNumber(day);
  const h = wholeNumber(hour);
  if (d === null || d < 0 || d > 6) return { ok: false, message: 'Choose a day of the week.' };
  if (h === null || h < 0 || h > 23) return { ok: false, message: 'Choose an hour from 00:00 to 23:00.' };
  return { ok: true, value: { day: d, hour: h } };
}

function wholeNumber(raw: string): number | null {
  const text = raw.trim();
  if (!/^\d{1,6}$/.test(text)) return null;
  return Number(text);
}

/** How a catch-up's invitation is filled in, as typed: the length in minutes is text until it is checked. */
export function checkCatchUp(input: {
  calendar: CalendarService;
  minutes: string;
  title: string;
  myName: string;
}): Checked<CatchUpSettings> {
  const minutes = wholeNumber(input.minutes);
  if (minutes === null) return { ok: false, message: 'A catch-up lasts a whole number of minutes, from 5 to 480.' };
  const result = v.safeParse(CatchUpSettingsSchema, { ...input, minutes });
  if (!result.success) return { ok: false, message: sentenceOf(result.issues, 'These settings cannot be used.') };
  return { ok: true, value: result.output };
}
