import { describe, expect, it } from 'vitest';
import { MAX_WAITING, MeetingTokens, randomToken, TOKEN_LIFETIME_MS, TOKEN_PATTERN } from '../../lib/prep/tokens';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ASK = { eventId: 'k5058hfr4d2s30ltiuocpedthd', guests: ['priya@x.example', 'sam@y.example'] };
const TAB = 3;

/** Tokens in a known order, so a test can name the next one. */
function counted() {
  let n = 0;
  return () => `token${String(n++).padStart(17, '0')}`;
}

describe('the tokens "Before you meet" frames carry', () => {
  it('are 128 random bits, never the same twice, in a shape the background checks', () => {
    const seen = new Set(Array.from({ length: 200 }, randomToken));
    expect(seen.size).toBe(200);
    for (const token of seen) expect(token).toMatch(TOKEN_PATTERN);
  });

  it('give the meeting and its guests once, to the tab that registered them', () => {
    const tokens = new MeetingTokens();
    const token = tokens.register(ASK, TAB, NOW);
    expect(tokens.claim(token, TAB, NOW + 50)).toEqual(ASK);
    expect(tokens.claim(token, TAB, NOW + 60)).toBeNull();
  });

  it('give nothing to another tab, nor to a frame with no tab, and are spent by the attempt', () => {
    const tokens = new MeetingTokens();
    const a = tokens.register(ASK, TAB, NOW);
    expect(tokens.claim(a, 4, NOW)).toBeNull();
    expect(tokens.claim(a, TAB, NOW)).toBeNull();
    const b = tokens.register(ASK, TAB, NOW);
    expect(tokens.claim(b, null, NOW)).toBeNull();
    expect(tokens.claim(b, TAB, NOW)).toBeNull();
  });

  it('give nothing for a token never given', () => {
    const tokens = new MeetingTokens();
    tokens.register(ASK, TAB, NOW);
    expect(tokens.claim('AAAAAAAAAAAAAAAAAAAAAA', TAB, NOW)).toBeNull();
    expect(tokens.size).toBe(1);
  });

  it('expire: a frame that asks too late gets nothing', () => {
    const tokens = new MeetingTokens();
    const early = tokens.register(ASK, TAB, NOW);
    const late = tokens.register(ASK, TAB, NOW);
    expect(tokens.claim(early, TAB, NOW + TOKEN_LIFETIME_MS - 1)).toEqual(ASK);
    expect(tokens.claim(late, TAB, NOW + TOKEN_LIFETIME_MS)).toBeNull();
    expect(tokens.size).toBe(0);
  });

  it('keep at most a bounded number waiting, dropping the oldest', () => {
    const tokens = new MeetingTokens(counted());
    const given = Array.from({ length: MAX_WAITING + 5 }, (_, i) =>
      tokens.register({ ...ASK, eventId: `e${i}` }, TAB, NOW),
    );
    expect(tokens.size).toBe(MAX_WAITING);
    expect(tokens.claim(given[0] as string, TAB, NOW)).toBeNull();
    expect(tokens.claim(given.at(-1) as string, TAB, NOW)?.eventId).toBe(`e${MAX_WAITING + 4}`);
  });

  it('never hand out a token that is already waiting', () => {
    const repeats = ['AAAAAAAAAAAAAAAAAAAAAA', 'AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBB'];
    const tokens = new MeetingTokens(() => repeats.shift() ?? 'CCCCCCCCCCCCCCCCCCCCCC');
    const first = tokens.register({ eventId: 'a', guests: [] }, TAB, NOW);
    const second = tokens.register({ eventId: 'b', guests: [] }, TAB, NOW);
    expect(first).not.toBe(second);
    expect(tokens.claim(first, TAB, NOW)?.eventId).toBe('a');
    expect(tokens.claim(second, TAB, NOW)?.eventId).toBe('b');
  });
});
