import { watchEventCards } from '../../lib/content/card-watcher';
import { sendMessage } from '../../lib/messaging';

export default defineContentScript({
  matches: ['https://calendar.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchEventCards(document, ctx.signal, { send: sendMessage, now: Date.now });
  },
});
