import { defineContentScript } from 'wxt/utils/define-content-script';
import { installBenchProbe } from '../../lib/content/bench-probe';
import { watchEventCards } from '../../lib/content/card-watcher';
import { sendMessage } from '../../lib/messaging';

export default defineContentScript({
  matches: ['https://calendar.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const probe = import.meta.env.WXT_BENCH === '1' ? installBenchProbe() : undefined;
    watchEventCards(document, ctx.signal, { send: sendMessage, now: Date.now, ...probe });
  },
});
