import { defineContentScript } from 'wxt/utils/define-content-script';
import { installBenchProbe } from '../../lib/content/bench-probe';
import { watchEventCards } from '../../lib/content/card-watcher';
import { extensionLifetime } from '../../lib/content/lifetime';
import { prepOptions } from '../../lib/content/prep-watch';
import { sendMessage } from '../../lib/messaging';

export default defineContentScript({
  matches: ['https://calendar.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const probe = import.meta.env.WXT_BENCH === '1' ? installBenchProbe() : undefined;
    // Not ctx.signal itself: the page can end WXT's context with a forged event (lifetime.ts).
    const prep = { ...prepOptions(sendMessage), ...probe?.prep };
    watchEventCards(document, extensionLifetime(ctx), { send: sendMessage, now: Date.now, ...probe, prep });
  },
});
