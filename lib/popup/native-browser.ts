/**
 * The popup's one exception to "wxt/browser everywhere": it talks to the browser without
 * webextension-polyfill. Every call it makes (runtime.sendMessage, runtime.openOptionsPage, tabs.create)
 * returns a promise natively in Chrome's MV3 and in Firefox, and the polyfill's 3 KB is weight the popup does
 * not need (bench: bundle.popupGzKB). This is the module WXT itself uses for its storage helpers, and
 * fakeBrowser stands in for it in tests.
 */
export { browser } from '@wxt-dev/browser';
