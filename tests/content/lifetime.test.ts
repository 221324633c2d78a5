// @vitest-environment happy-dom

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../entrypoints/google-calendar.content';
import { extensionLifetime } from '../../lib/content/lifetime';
import { HOST_TAG } from '../../lib/content/log-control';
import { fixtureHtml } from '../helpers/fixtures';

// WXT ends a content script's context when its "content script started" event reaches the page's document, so
// that a newer copy takes over. Any script on Calendar's page can send that event (issue 15).
const STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
  .SCRIPT_STARTED_MESSAGE_TYPE;
const announce = (messageId: string) =>
  document.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: 'google-calendar', messageId } }));

let contexts: ContentScriptContext[] = [];
function run(): ContentScriptContext {
  const ctx = new ContentScriptContext('google-calendar');
  contexts.push(ctx);
  void contentScript.main(ctx);
  return ctx;
}
const host = () => document.querySelector(`.pPTZAe > ${HOST_TAG}`);

beforeEach(() => {
  fakeBrowser.reset();
  contexts = [];
  // A body of its own for each test: a copy of the script that a test left running watches the old one.
  const body = document.createElement('body');
  document.body.replaceWith(body);
  const parsed = new DOMParser().parseFromString(fixtureHtml('dialog.en-12h.html'), 'text/html');
  body.innerHTML = parsed.body.innerHTML;
});
afterEach(() => {
  fakeBrowser.runtime.id = undefined as unknown as string; // the extension goes away: copies still listening stop
  for (const ctx of contexts) ctx.abort();
});

/** Calendar re-renders the card's toolbar, dropping nodes it did not make. */
function rerenderToolbar(): void {
  const bar = document.querySelector('.pPTZAe');
  const fresh = bar?.cloneNode(true) as Element;
  fresh.querySelector(HOST_TAG)?.remove();
  bar?.replaceWith(fresh);
}

describe('the content script in a tab whose page forges WXT\'s "content script started" event', () => {
  it('keeps its Log control: it is still there, and back after Calendar re-renders the card', async () => {
    const ctx = run();
    await vi.waitFor(() => expect(host()).toBeTruthy());
    announce('forged-by-the-page');
    expect(ctx.signal.aborted).toBe(true); // WXT's own context has ended: the forged event works on it
    expect(host()).toBeTruthy();
    rerenderToolbar();
    expect(host()).toBeNull();
    await vi.waitFor(() => expect(host()).toBeTruthy());
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('stops, taking its control away, when its extension has really gone and a newer copy starts', async () => {
    run();
    await vi.waitFor(() => expect(host()).toBeTruthy());
    fakeBrowser.runtime.id = undefined as unknown as string; // updated, reloaded or removed
    announce('a-newer-copy');
    expect(document.querySelector(HOST_TAG)).toBeNull();
    rerenderToolbar();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});

describe('extensionLifetime', () => {
  it("ends with WXT's context only when the extension is gone", () => {
    let alive = true;
    const ctx = new AbortController();
    const lifetime = extensionLifetime(ctx, () => alive);
    ctx.abort();
    expect(lifetime.aborted).toBe(false);

    alive = false;
    const ended = new AbortController();
    ended.abort();
    expect(extensionLifetime(ended, () => alive).aborted).toBe(true);
  });

  it('reads whether the extension is alive from browser.runtime.id by default', () => {
    const ctx = new AbortController();
    const lifetime = extensionLifetime(ctx);
    fakeBrowser.runtime.id = undefined as unknown as string;
    ctx.abort();
    expect(lifetime.aborted).toBe(true);
  });
});
