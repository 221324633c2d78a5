/**
 * The one kind of address Bridges will ever fetch: a Google Calendar's "Secret address in iCal format"
 * (Settings and sharing → Integrate calendar), e.g.
 *   https://calendar.google.com/calendar/ical/alex%40example.com/private-0123456789abcdef0123456789abcdef/basic.ics
 * It is a secret: whoever has it can read the calendar. It stays in the extension's local storage, is shown
 * masked, and never goes into a backup or a CSV.
 */
export const FEED_PREFIX = 'https://calendar.google.com/calendar/ical/';
/** The host permission asked for when the user turns the feed on (and the CSP's connect-src). */
export const FEED_ORIGIN_PATTERN = 'https://calendar.google.com/calendar/ical/*';
/** Host patterns that cover the feed: calendar.google.com's (the content script's own match) or wider. */
const COVERING = new Set([
  FEED_ORIGIN_PATTERN,
  'https://calendar.google.com/*',
  '*://calendar.google.com/*',
  'https://*.google.com/*',
  '<all_urls>',
]);

interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
  getAll(): Promise<{ origins?: string[] }>;
  request(p: { origins: string[] }): Promise<boolean>;
}

/**
 * Whether the browser lets Bridges fetch the feed: its own optional permission, or calendar.google.com's,
 * which Chrome grants at install for the content script (listed by getAll(), though contains() says no).
 */
export async function mayReachFeed(permissions: PermissionsApi): Promise<boolean> {
  if (await permissions.contains({ origins: [FEED_ORIGIN_PATTERN] }).catch(() => false)) return true;
  const granted = await permissions.getAll().catch(() => ({ origins: [] as string[] }));
  return (granted.origins ?? []).some((origin) => COVERING.has(origin));
}

/** Asks for the feed's host permission, in answer to the user's click, unless the browser has granted it. */
export async function askToReachFeed(permissions: PermissionsApi): Promise<boolean> {
  if (await mayReachFeed(permissions)) return true;
  return permissions.request({ origins: [FEED_ORIGIN_PATTERN] }).catch(() => false);
}

const SECRET_ADDRESS =
  /^https:\/\/calendar\.google\.com\/calendar\/ical\/([A-Za-z0-9%._\-+]{3,300})\/(private-[0-9a-f]{16,64})\/basic\.ics$/;

export type FeedAddressCheck = { ok: true; url: string; calendar: string } | { ok: false; message: string };

/** Checks an address the user pasted: only a calendar's secret iCal address is accepted. */
export function checkFeedAddress(raw: string): FeedAddressCheck {
  const text = raw.trim();
  if (!text) return { ok: false, message: 'Paste the secret address of your calendar in iCal format.' };
  if (/\/public\/basic\.ics$/.test(text)) {
    return {
      ok: false,
      message:
        'This is the public address. Bridges needs the "Secret address in iCal format" (it ends in /private-…/basic.ics).',
    };
  }
  if (!text.startsWith(FEED_PREFIX)) {
    return {
      ok: false,
      message: `This is not a Google Calendar address: it must start with ${FEED_PREFIX}`,
    };
  }
  const m = SECRET_ADDRESS.exec(text);
  if (!m) {
    return {
      ok: false,
      message: 'This is not a secret iCal address: copy "Secret address in iCal format" from the calendar\'s settings.',
    };
  }
  let calendar: string;
  try {
    calendar = decodeURIComponent(m[1] ?? '');
  } catch {
    return { ok: false, message: "This address is damaged: copy it again from the calendar's settings." };
  }
  // The calendar's part must name a calendar and nothing else: an encoded dot segment ("%2e%2e", ".%2e") would
  // move the request to another path of Google's, and an encoded slash or control character has no place in a
  // calendar's id. The browser's own reading of the address must be the address as pasted.
  if (/^\.+$/.test(calendar) || /[/\\]/.test(calendar) || hasControl(calendar) || !readsAsItself(text)) {
    return {
      ok: false,
      message:
        'This address has been altered: it does not name a calendar. Copy "Secret address in iCal format" again from the calendar\'s settings.',
    };
  }
  return { ok: true, url: text, calendar };
}

/** Whether text holds a control character (C0 or DEL): none belongs in a calendar's id. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Whether the browser reads the address as written (no dot segment resolved away, nothing re-encoded). */
function readsAsItself(text: string): boolean {
  try {
    return new URL(text).href === text;
  } catch {
    return false;
  }
}

/** The address with its secret hidden, for the settings page: "…/alex@example.com/private-••••cdef/basic.ics". */
export function maskFeedAddress(url: string): string {
  const m = SECRET_ADDRESS.exec(url);
  if (!m) return '(an address Bridges cannot read)';
  const secret = m[2] ?? '';
  let calendar = m[1] ?? '';
  try {
    calendar = decodeURIComponent(calendar);
  } catch {}
  return `${FEED_PREFIX}${calendar}/private-••••••••${secret.slice(-4)}/basic.ics`;
}
