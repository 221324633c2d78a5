import { browser } from 'wxt/browser';
import { createSender, type Handlers, isEnvelope, type Reply } from './messaging-protocol';

export * from './messaging-protocol';

/** Sends a protocol message to the background and returns its typed answer. */
export const sendMessage = createSender(browser.runtime);

/**
 * Answers the protocol's messages with `handlers`. Returns a function that stops answering. Replies go
 * through `sendResponse` (and `true` keeps the channel open), which Chrome, Firefox, the polyfill and
 * fakeBrowser all honour.
 */
export function onMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: Reply) => void): true | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.bridges] as (request: unknown) => Promise<unknown>;
    handler(message.data).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () =>
    browser.runtime.onMessage.removeListener(
      listener as Parameters<typeof browser.runtime.onMessage.removeListener>[0],
    );
}
