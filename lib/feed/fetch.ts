import { MAX_CALENDAR_BYTES, tooLarge } from '../data/ics/limits';

/**
 * Fetches a calendar feed with a conditional request (ETag / Last-Modified): an unchanged feed costs one
 * short answer and no parsing. Every failure becomes a plain sentence with what to do.
 */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FeedProblem =
  | 'revoked'
  | 'offline'
  | 'blocked'
  | 'not-calendar'
  | 'too-large'
  | 'redirected'
  | 'server'
  | 'not-allowed';

export type FetchOutcome =
  | { status: 'unchanged' }
  | { status: 'ok'; text: string; validators: Validators }
  | { status: 'error'; problem: FeedProblem; message: string };

/** The largest feed Bridges reads: the largest calendar it reads from a file (Google's feeds run to a few MB). */
export const MAX_FEED_BYTES = MAX_CALENDAR_BYTES;

export const FEED_MESSAGES: Record<FeedProblem, string> = {
  revoked:
    "Google no longer accepts this address: it was reset or the calendar was removed. Copy the secret address again from the calendar's settings.",
  offline: 'Bridges could not reach Google Calendar: you are offline. It will try again later.',
  blocked:
    'The browser did not let the request to Google Calendar through, although it is online: another extension, a policy of your organisation or a firewall may block calendar.google.com. Bridges will try again later.',
  'not-calendar': 'The address did not answer with a calendar. Check that it is the secret address in iCal format.',
  'too-large': tooLarge(MAX_FEED_BYTES),
  redirected:
    'The address sent Bridges elsewhere, and Bridges only reads calendar.google.com. Copy the secret address again.',
  server: 'Google Calendar had a problem answering. Bridges will try again later.',
  'not-allowed':
    'Bridges is not allowed to reach calendar.google.com. Turn syncing off and on again, and allow it when asked.',
};

const error = (problem: FeedProblem): FetchOutcome => ({ status: 'error', problem, message: FEED_MESSAGES[problem] });

/** Whether the browser believes it is online (a failed fetch while online was blocked, not cut off). */
const browserOnline = (): boolean => globalThis.navigator?.onLine !== false;

export async function fetchFeed(
  url: string,
  validators: Validators,
  fetchImpl: typeof fetch = fetch,
  maxBytes = MAX_FEED_BYTES,
  online: () => boolean = browserOnline,
): Promise<FetchOutcome> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-cache',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    // The browser answers a request it refuses (another extension, a policy, the content security policy) with
    // the same TypeError as a network that is down; only its own idea of being online tells them apart.
    return error(online() ? 'blocked' : 'offline');
  }
  if (
    response.type === 'opaqueredirect' ||
    (response.status >= 300 && response.status < 400 && response.status !== 304)
  ) {
    return error('redirected');
  }
  if (response.status === 304) return { status: 'unchanged' };
  if ([401, 403, 404, 410].includes(response.status)) return error('revoked');
  if (!response.ok) return error('server');
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) return error('too-large');
  const text = await readCapped(response, maxBytes);
  if (text === null) return error('too-large');
  if (!/^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text.slice(0, 1000))) return error('not-calendar');
  return {
    status: 'ok',
    text,
    validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
  };
}

/** The body as text, or null as soon as it grows past `maxBytes` (the rest is not downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) {
    const text = await response.text();
    return text.length > maxBytes ? null : text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
