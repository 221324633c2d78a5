import { browser } from 'wxt/browser';
import { getDb } from '../db/app-db';
import { sendMessage } from '../messaging';
import { getSetting } from '../settings';
import type { CatchUpHost } from './plan';

/**
 * How the management page plans a catch-up: its settings read fresh at each click, the mark through the
 * updatePeople command, the calendar in a new tab (a tab the user asked for needs no permission), the guest's
 * address on the clipboard from the user's click (no permission either).
 */
export const pageCatchUpHost: CatchUpHost = {
  settings: () => getSetting(getDb(), 'catchUp'),
  async update(emails, patch) {
    await sendMessage('updatePeople', { emails, patch });
  },
  async open(url) {
    await browser.tabs.create({ url });
  },
  copy: (text) => navigator.clipboard.writeText(text),
};
