/**
 * The meetings the Calendar content script has asked about, each behind a one-time token: the content script
 * registers a meeting's id and its guests' addresses and gets a random token; the "Before you meet" frame it
 * makes carries only that token in its address, and asks the background for its guests by it. A token is good
 * once, in the tab that registered it, for a short while: a frame the page makes up (no token, a stale or guessed
 * one, or one from another tab) learns nothing.
 */
export interface MeetingAsk {
  eventId: string;
  /** The guests' addresses, as the card listed them (the user and rooms already left out). */
  guests: string[];
}

interface Entry<T> {
  value: T;
  tabId: number;
  expiresAt: number;
}

/** How long a token waits for its frame to ask: the frame asks as it loads, well within this. */
export const TOKEN_LIFETIME_MS = 30_000;
/** At most this many tokens wait at once (a tab opening card after card); the oldest goes first. */
export const MAX_WAITING = 32;

/** 128 random bits, base64url: 22 characters. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Tokens for what was asked (`T`: the ask, and whatever the background began to read for it). */
export class MeetingTokens<T = MeetingAsk> {
  private readonly waiting = new Map<string, Entry<T>>();

  constructor(private readonly random: () => string = randomToken) {}

  /** Registers what a tab asked about; returns the token its frame will carry. */
  register(value: T, tabId: number, now: number): string {
    this.forgetExpired(now);
    while (this.waiting.size >= MAX_WAITING) {
      const oldest = this.waiting.keys().next().value;
      if (oldest === undefined) break;
      this.waiting.delete(oldest);
    }
    let token = this.random();
    while (this.waiting.has(token)) token = this.random();
    this.waiting.set(token, { value, tabId, expiresAt: now + TOKEN_LIFETIME_MS });
    return token;
  }

  /**
   * What the token stands for, once: null for a token never given, already used, expired, or asked for from
   * another tab. A wrong tab spends the token too, so a guess that happens to hit cannot be tried again elsewhere.
   */
  claim(token: string, tabId: number | null, now: number): T | null {
    this.forgetExpired(now);
    const entry = this.waiting.get(token);
    if (!entry) return null;
    this.waiting.delete(token);
    if (tabId === null || entry.tabId !== tabId) return null;
    return entry.value;
  }

  /** How many tokens wait (for tests). */
  get size(): number {
    return this.waiting.size;
  }

  private forgetExpired(now: number): void {
    for (const [token, entry] of this.waiting) if (entry.expiresAt <= now) this.waiting.delete(token);
  }
}
