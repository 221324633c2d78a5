import { browser } from 'wxt/browser';

/**
 * How long the content script keeps the Log control in a tab: as long as the extension that put it there.
 *
 * WXT's ContentScriptContext stops a running copy of the script when it sees its "content script started" event
 * on the page's document, so that a newer copy (the extension updated and injected again) takes over from the
 * old. The page's own scripts share that document and can send the same event; one line of page script would
 * switch Bridges off in that tab until a reload (issue 15). The two cannot be told apart: both are untrusted,
 * script-made events with the same name and detail (the name holds only the extension's public id and the
 * script's name). So the event does not decide alone: when WXT's context ends, Bridges stops only if its
 * extension has really gone (updated, reloaded or removed, when `browser.runtime.id` is undefined: what WXT
 * itself checks for that case), and a copy whose extension is alive keeps its control. That loses nothing, nor
 * does WXT's no longer listening once a forged event has ended its context: no newer copy ever runs beside a
 * living one (Bridges never injects its script; Chrome injects none into open tabs on an update, and Firefox,
 * which does, ends the old copy itself). Checking the event's origin instead is not possible, and keeping
 * WXT's listener by making a new context would answer each forged event with an event of ours, which a page
 * could turn into an endless exchange.
 */
export function extensionLifetime(
  ctx: { signal: AbortSignal },
  extensionAlive: () => boolean = () => browser.runtime?.id != null,
): AbortSignal {
  const own = new AbortController();
  const check = () => {
    if (!extensionAlive()) own.abort(ctx.signal.reason);
  };
  if (ctx.signal.aborted) check();
  else ctx.signal.addEventListener('abort', check, { once: true });
  return own.signal;
}
