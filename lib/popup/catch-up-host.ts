import type { CatchUpHost } from '../catchup/plan';

// The settings' reader, the commands and the browser's tabs come with the live part, after the first paint.
const live = () => import('./live');

/** How the popup plans a catch-up: everything it needs loads on first use. */
export const popupCatchUpHost: CatchUpHost = {
  settings: async () => (await live()).catchUpSettings(),
  update: async (emails, patch) => (await live()).actions.update(emails, patch),
  open: async (url) => (await live()).openTab(url),
  copy: (text) => navigator.clipboard.writeText(text),
};
