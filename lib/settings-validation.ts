import { isEmail, normaliseEmail } from './people/email';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** An email address typed by the user: normalised, or a sentence saying what is wrong. */
export function checkEmail(raw: string, existing: readonly string[] = []): Checked<string> {
  const value = normaliseEmail(raw);
  if (!value) return { ok: false, message: 'Type an email address.' };
  if (!isEmail(value)) return { ok: false, message: `"${raw.trim()}" is not an email address.` };
  if (existing.includes(value)) return { ok: false, message: `${value} is already in the list.` };
  return { ok: true, value };
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A mail domain typed by the user ("example.com", also "@example.com" or a whole address). */
export function checkDomain(raw: string, existing: readonly string[] = []): Checked<string> {
  const value = raw.trim().toLowerCase().replace(/^.*@/, '');
  if (!value) return { ok: false, message: 'Type a domain, such as example.com.' };
  if (!DOMAIN.test(value)) return { ok: false, message: `"${raw.trim()}" is not a mail domain such as example.com.` };
  if (existing.includes(value)) return { ok: false, message: `${value} is already in the list.` };
  return { ok: true, value };
}
