import * as v from 'valibot';
import type { CalendarService, CatchUpSettings } from './catchup/settings';
import { PRIORITIES, type Priority } from './db/types';
import type { Cadence } from './relationships/cadence';
import { PRIORITY_LABELS } from './relationships/labels';
import {
  Cadence as CadenceSchema,
  CatchUpSettingsSchema,
  Domain,
  Email,
  MeetingRulesSchema,
  ReminderSettingsSchema,
  sentenceOf,
} from './schema';

/**
 * What the forms check before they save (the settings, a person's cadence, the cadence of everyone selected):
 * what the user typed, read by the same schemas that check a setting or a person when the background stores it
 * and whenever it is read (lib/schema.ts), so a form says exactly what the background would refuse, in its
 * words. Only what is particular to a form is here: text to numbers, an empty field, a value already in the list.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

function checked<T>(schema: v.GenericSchema<unknown, T>, input: unknown, prefix = ''): Checked<T> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, message: `${prefix}${sentenceOf(result.issues, 'This cannot be used.')}` };
}

/** A number typed into a form: a decimal as typed, NaN for anything else (the schema says what is wrong). */
function typedNumber(raw: string): number {
  const text = raw.trim();
  return /^-?\d{1,9}(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

function notListed(value: string, existing: readonly string[]): Checked<string> {
  return existing.includes(value) ? { ok: false, message: `${value} is already in the list.` } : { ok: true, value };
}

/** An email address typed by the user: normalised, or a sentence saying what is wrong. */
export function checkEmail(raw: string, existing: readonly string[] = []): Checked<string> {
  if (!raw.trim()) return { ok: false, message: 'Type an email address.' };
  const email = checked(Email, raw);
  return email.ok ? notListed(email.value, existing) : email;
}

/** A mail domain typed by the user ("example.com", also "@example.com" or a whole address). */
export function checkDomain(raw: string, existing: readonly string[] = []): Checked<string> {
  const typed = raw.trim().replace(/^.*@/, '');
  if (!typed) return { ok: false, message: 'Type a domain, such as example.com.' };
  const domain = checked(Domain, typed);
  return domain.ok ? notListed(domain.value, existing) : domain;
}

/** A cadence typed into a form (ideal and maximum, in days), checked by the one cadence rule. */
export function checkCadence(typed: { idealDays: string; maxDays: string }, prefix = ''): Checked<Cadence> {
  return checked(
    CadenceSchema,
    { idealDays: typedNumber(typed.idealDays), maxDays: typedNumber(typed.maxDays) },
    prefix,
  );
}

/** Cadences typed into the form, by priority, each checked by the one cadence rule. */
export function checkCadences(
  input: Record<Priority, { idealDays: string; maxDays: string }>,
): Checked<Record<Priority, Cadence>> {
  const out = {} as Record<Priority, Cadence>;
  for (const priority of PRIORITIES) {
    const cadence = checkCadence(input[priority], `${PRIORITY_LABELS[priority]}: `);
    if (!cadence.ok) return cadence;
    out[priority] = cadence.value;
  }
  return { ok: true, value: out };
}

/** The guest limit above which logging a meeting asks for a second click. */
export function checkGuestLimit(raw: string): Checked<number> {
  return checked(MeetingRulesSchema.entries.guestLimit, typedNumber(raw));
}

/** The reminder's weekday (0 = Sunday) and hour (0–23). */
export function checkReminderTime(day: string, hour: string): Checked<{ day: number; hour: number }> {
  return checked(v.pick(ReminderSettingsSchema, ['day', 'hour']), { day: typedNumber(day), hour: typedNumber(hour) });
}

/** How a catch-up's invitation is filled in, as typed: the length in minutes is text until it is checked. */
export function checkCatchUp(input: {
  calendar: CalendarService;
  minutes: string;
  title: string;
  myName: string;
}): Checked<CatchUpSettings> {
  return checked(CatchUpSettingsSchema, { ...input, minutes: typedNumber(input.minutes) });
}
