import { browser } from 'wxt/browser';
import { createSender } from './messaging-protocol';

export * from './messaging-protocol';

/** Sends a command to the background and returns its typed answer. */
export const sendMessage = createSender(browser.runtime);
