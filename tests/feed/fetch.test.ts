import { describe, expect, it } from 'vitest';
import { readIcs } from '../../lib/data/ics';
import { MAX_CALENDAR_BYTES, tooLarge } from '../../lib/data/ics/limits';
import { FEED_MESSAGES, fetchFeed, MAX_FEED_BYTES } from '../../lib/feed/fetch';
import { FEED_URL, fakeFetch, feedIcs } from '../helpers/feed';

const NONE = { etag: null, lastModified: null };
const calendar = feedIcs([{ uid: 'a', start: Date.UTC(2026, 10, 20, 15) }]);

describe('fetching a feed', () => {
  it('reads the calendar and keeps its validators', async () => {
    const { fetch, requests } = fakeFetch(
      () => new Response(calendar, { headers: { etag: '"v1"', 'last-modified': 'Mon, 23 Nov 2026 10:00:00 GMT' } }),
    );
    const outcome = await fetchFeed(FEED_URL, NONE, fetch);
    expect(outcome).toEqual({
      status: 'ok',
      text: calendar,
      validators: { etag: '"v1"', lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT' },
    });
    expect(requests[0]?.headers).toEqual({});
  });

  it('asks conditionally, and an unchanged feed is one short answer', async () => {
    const { fetch, requests } = fakeFetch((_url, headers) =>
      headers['If-None-Match'] === '"v1"' ? new Response(null, { status: 304 }) : new Response(calendar),
    );
    expect(await fetchFeed(FEED_URL, { etag: '"v1"', lastModified: 'x' }, fetch)).toEqual({ status: 'unchanged' });
    expect(requests[0]?.headers).toEqual({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'x' });
  });

  it('says in words what went wrong, and what to do', async () => {
    const cases: Array<[() => Response | Promise<Response>, string]> = [
      [() => new Response('Not found', { status: 404 }), 'revoked'],
      [() => new Response('', { status: 410 }), 'revoked'],
      [() => new Response('', { status: 403 }), 'revoked'],
      [() => new Response('', { status: 503 }), 'server'],
      [() => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }), 'redirected'],
      [() => new Response('<html>Sign in</html>', { headers: { 'content-type': 'text/html' } }), 'not-calendar'],
      [() => new Response('x'.repeat(100), { headers: { 'content-length': String(210 * 1024 * 1024) } }), 'too-large'],
    ];
    for (const [respond, problem] of cases) {
      const outcome = await fetchFeed(FEED_URL, NONE, fakeFetch(respond).fetch);
      expect(outcome).toMatchObject({ status: 'error', problem, message: expect.stringMatching(/\.$/) });
    }
  });

  it('tells a request the browser blocked from being offline', async () => {
    const refused = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch;
    const offline = await fetchFeed(FEED_URL, NONE, refused, undefined, () => false);
    expect(offline).toMatchObject({ status: 'error', problem: 'offline', message: expect.stringMatching(/offline/) });
    const blocked = await fetchFeed(FEED_URL, NONE, refused, undefined, () => true);
    expect(blocked).toMatchObject({ status: 'error', problem: 'blocked' });
    if (blocked.status === 'error') expect(blocked.message).not.toMatch(/offline/);
  });

  it('stops reading a body that grows past the limit, without trusting its declared length', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('BEGIN:VCALENDAR\r\n'.padEnd(1024, 'x')));
      },
    });
    const outcome = await fetchFeed(FEED_URL, NONE, fakeFetch(() => new Response(endless)).fetch, 64 * 1024);
    expect(outcome).toMatchObject({ status: 'error', problem: 'too-large' });
    expect(pulled).toBeLessThan(100);
  });

  it('refuses a feed at the size a calendar file is refused, in the same words', () => {
    expect(MAX_FEED_BYTES).toBe(MAX_CALENDAR_BYTES);
    expect(FEED_MESSAGES['too-large']).toBe(tooLarge());
    const twoMB = 'BEGIN:VCALENDAR\r\n'.padEnd(2 * 1024 * 1024, 'X');
    expect(readIcs(twoMB, { until: 0, maxBytes: 1024 * 1024 }).problem).toBe(
      'This calendar is larger than 1 MB, more than Bridges reads at once.',
    );
  });
});
