import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The public half of the extension's signing key: it fixes the Chrome extension id
// (gikpoediafgedljphhocfppjgjbeaneh) so it does not depend on the folder the build is loaded from.
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvITjuEivUMYja8BdswZcwvLf6EI49IRf3EIZVrUnmP3VWUVwuBqHrJJwW97ELpnK6Xz7lH8mc+h5IJIgjBflfoDz3SpVjh9Xlh9w2KAYx4bIwbiB3aLiGJArbi0XedSa8Hj75WqgHTbkcvEOS1R98SUwTkWfvuLdAfDzFuhqacqX57fRIC7cXlvOVtLqnQ3OclhqW5epGV9uzjPUKJirHSxruubIEfGHGR0zciDpI0aI+dOs77Z/bHhgUlxYoEeO1tjguRWKIXlZoSH0PhGXfbXvhAa2/uJsVzzOr3+S+8+oevbWI/jNWrkGnb0OcqeTugz09/6WcgIO9ekwat9n9wIDAQAB';

const PAGE_CSP = "script-src 'self'; object-src 'self'; connect-src 'none'; form-action 'none'; base-uri 'none'";
const csp = (manifestVersion: number) => (manifestVersion === 3 ? { extension_pages: PAGE_CSP } : PAGE_CSP);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out: auto-imports once pulled the storage library into a script that only
  // named a variable "storage".
  imports: false,
  // The benchmark's build (WXT_BENCH=1) is the production build plus the hooks `npm run bench` reads, in a
  // folder of its own.
  outDirTemplate:
    process.env.WXT_BENCH === '1'
      ? '{{browser}}-mv{{manifestVersion}}-bench'
      : '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  manifest: ({ browser, command, manifestVersion }) => ({
    name: 'Bridges',
    description:
      'A private log of whom you meet, read from Google Calendar. Shows whom outside your team you have let drift.',
    // storage: settings; alarms: the weekly reminder. Notifications only if the user turns them on.
    permissions: ['storage', 'alarms'],
    optional_permissions: ['notifications'],
    // No network at all from the extension's pages and background (dev builds need their dev server).
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
      : { key: CHROME_PUBLIC_KEY }),
  }),
  vite: () => ({
    plugins: [preact()],
    // Chrome refuses content scripts that are not pure ASCII; Dexie carries a raw "\uffff".
    // No module-preload helper: it fetches chunks at run time and weighs 1 KB in every page that splits.
    build: { rolldownOptions: { output: { charset: 'ascii' } }, modulePreload: false },
    // The calendar-file reader's worker is bundled apart: ASCII too.
    worker: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
});
