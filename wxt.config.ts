import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The public half of the extension's signing key: it fixes the Chrome extension id
// (gikpoediafgedljphhocfppjgjbeaneh) so it does not depend on the folder the build is loaded from.
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvITjuEivUMYja8BdswZcwvLf6EI49IRf3EIZVrUnmP3VWUVwuBqHrJJwW97ELpnK6Xz7lH8mc+h5IJIgjBflfoDz3SpVjh9Xlh9w2KAYx4bIwbiB3aLiGJArbi0XedSa8Hj75WqgHTbkcvEOS1R98SUwTkWfvuLdAfDzFuhqacqX57fRIC7cXlvOVtLqnQ3OclhqW5epGV9uzjPUKJirHSxruubIEfGHGR0zciDpI0aI+dOs77Z/bHhgUlxYoEeO1tjguRWKIXlZoSH0PhGXfbXvhAa2/uJsVzzOr3+S+8+oevbWI/jNWrkGnb0OcqeTugz09/6WcgIO9ekwat9n9wIDAQAB';

const STORE = process.env.BRIDGES_STORE === '1';

// The one address Bridges may connect to, and only once the user turns on syncing from their own calendar
// feed: Google Calendar's secret iCal addresses (lib/feed/address.ts).
const FEED_PREFIX = 'https://calendar.google.com/calendar/ical/';

// Nothing is allowed unless named: scripts, styles and images from the extension itself, connections only to
// the calendar feed, no frames, no forms, no plugins.
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  `connect-src ${FEED_PREFIX}`,
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');
// "Before you meet" (entrypoints/prep/) is the one page Calendar's card may frame; Chrome serves it at an address
// that changes every session (use_dynamic_url), so no page can load it by a known address. The benchmark's build
// adds the empty frame it measures the panel against.
const FRAMED = process.env.WXT_BENCH === '1' ? ['prep.html', 'prep-floor.html'] : ['prep.html'];
const framed = (manifestVersion: number) =>
  manifestVersion === 3
    ? [{ resources: FRAMED, matches: ['https://calendar.google.com/*'], use_dynamic_url: true }]
    : FRAMED;

const csp = (manifestVersion: number) => (manifestVersion === 3 ? { extension_pages: PAGE_CSP } : PAGE_CSP);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out: auto-imports once pulled the storage library into a script that only
  // named a variable "storage".
  imports: false,
  // The benchmark's build (WXT_BENCH=1) is the production build plus the hooks `npm run bench` reads, in a
  // folder of its own.
  // The store build (BRIDGES_STORE=1, `npm run zip`) is the production build without the manifest's `key`, which
  // the Chrome Web Store refuses; it too has a folder of its own, so the tested build keeps its fixed id.
  outDirTemplate:
    process.env.WXT_BENCH === '1'
      ? '{{browser}}-mv{{manifestVersion}}-bench'
      : STORE
        ? '{{browser}}-mv{{manifestVersion}}-store'
        : '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  manifest: ({ browser, command, manifestVersion }) => ({
    name: 'Bridges',
    description:
      'A private log of whom you meet, read from Google Calendar. Shows whom outside your team you have let drift.',
    // storage: settings; alarms: the weekly reminder and the feed's sync. Notifications only if the user turns
    // them on; the calendar feed's address only when they turn syncing on.
    permissions: ['storage', 'alarms'],
    ...(manifestVersion === 3
      ? { optional_permissions: ['notifications'], optional_host_permissions: [`${FEED_PREFIX}*`] }
      : { optional_permissions: ['notifications', `${FEED_PREFIX}*`] }),
    web_accessible_resources: framed(manifestVersion),
    // The network: none, but the calendar feed (dev builds need their dev server).
    ...(command === 'build' ? { content_security_policy: csp(manifestVersion) } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'bridges@bridges.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : STORE
        ? {}
        : { key: CHROME_PUBLIC_KEY }),
  }),
  // `npm run zip`: the Chrome Web Store zip, the Firefox add-on zip, and (with Firefox's) the sources zip that
  // addons.mozilla.org asks for: exactly what the build reads, and the README that says how to build it.
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'scripts/print-builds.mjs',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'CHANGELOG.md',
    ],
  },
  vite: () => ({
    plugins: [preact()],
    // Chrome refuses content scripts that are not pure ASCII; Dexie carries a raw "\uffff".
    // No module-preload helper: it fetches chunks at run time and weighs 1 KB in every page that splits.
    build: { rolldownOptions: { output: { charset: 'ascii' } }, modulePreload: false },
    // The calendar-file reader's worker is bundled apart: ASCII too.
    worker: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
});
