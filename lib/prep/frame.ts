import type { BriefAnswer } from './briefs';
import { TOKEN_PATTERN } from './tokens';

/** The only page that may embed "Before you meet", and so the only one its height is posted to. */
export const CALENDAR_ORIGIN = 'https://calendar.google.com';

type AskBrief = (name: 'meetingBrief', request: { token: string }) => Promise<BriefAnswer | null>;

/**
 * The frame's content, asked of the background by the token in its address. A frame without a token, or with one
 * the background does not know (made up, used, expired, another tab's), gets null: the neutral empty state.
 */
export async function loadBrief(hash: string, send: AskBrief): Promise<BriefAnswer | null> {
  const token = hash.replace(/^#/, '');
  if (!TOKEN_PATTERN.test(token)) return null;
  return send('meetingBrief', { token }).catch(() => null);
}

/**
 * Tells the page that embeds the frame how tall its content is, whenever that changes, so the content script
 * sizes the frame to it (no scrollbar, no jump). A whole number of pixels and nothing else: the height is the one
 * thing the page may learn (it sees the frame's box anyway).
 */
export function reportHeight(doc: Document, target: Pick<Window, 'postMessage'>, origin = CALENDAR_ORIGIN): () => void {
  let last = -1;
  const post = () => {
    const height = Math.ceil(doc.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    target.postMessage(height, origin);
  };
  const observer = new ResizeObserver(post);
  observer.observe(doc.documentElement);
  return () => observer.disconnect();
}
