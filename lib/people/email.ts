/** Emails as Bridges keys them: trimmed and lower-cased. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

// Deliberately plain: one "@", something before it, a dotted domain after it, no spaces or angle brackets.
const EMAIL = /^[^\s@<>()",;:]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
/** Invisible format characters (zero-width spaces, joiners, bidirectional overrides) and control characters. */
const INVISIBLE = /[\p{Cf}\p{Cc}]/u;

export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/**
 * An address a person can have: one that hides invisible characters is not one (it would look like a
 * colleague's and be another record), wherever it comes from.
 */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value) && !INVISIBLE.test(value);
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** Mail domains that many unrelated people share: not organisations. */
const CONSUMER_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.ru',
  'yandex.ru',
  'qq.com',
  '163.com',
  'fastmail.com',
  'hey.com',
  'zoho.com',
]);

/** First guess at a person's organisation from their email: the domain, unless it is a consumer mail domain. */
export function organisationOf(email: string): string | null {
  const domain = domainOf(email);
  return CONSUMER_DOMAINS.has(domain) ? null : domain;
}

/** Calendar addresses that are rooms, resources or groups rather than people. */
export function isResourceEmail(email: string): boolean {
  return /@(?:resource\.calendar\.google\.com|group\.calendar\.google\.com|group\.v\.calendar\.google\.com)$/.test(
    email,
  );
}
