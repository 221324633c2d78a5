// `npm run demo`: Bridges in Chromium with a year of sample history and a saved Google Calendar week served at its
// real address, in a browser profile of its own (.output/demo/profile, made afresh each run: your own browser and
// data are never touched). Where there is a display it opens a window and waits until you close it; where there
// is none (or with --headless) it saves screenshots of what you would see to .output/demo/.
//   npm run demo [-- --headless]
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHIPS, chipId, weekUrl, weekViewPage } from '../tests/e2e/calendar-page';
import { EXTENSION_ID, launch } from '../tests/e2e/harness';
import { waitForDatabase } from '../tests/e2e/seed';
import { allShots, bookSampleCatchUp, restoreSampleHistory } from '../tests/e2e/showcase';
import { daysToLatestPastWeek } from '../tests/helpers/calendar-shift';

const OUT = join(process.cwd(), '.output/demo');
const PROFILE = join(OUT, 'profile');
const BROWSERS = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY) || Boolean(process.env.WAYLAND_DISPLAY);
const headless = process.argv.includes('--headless') || !hasDisplay;
const browser = BROWSERS.find((path) => path && existsSync(path));
if (!browser) {
  console.error('The demo needs Chromium (Debian: apt-get install chromium), or set CHROMIUM_PATH to a Chromium.');
  process.exit(1);
}
process.env.CHROMIUM_PATH = browser;

// A fresh profile each run, with Bridges pinned to the toolbar so its badge shows.
rmSync(PROFILE, { recursive: true, force: true });
mkdirSync(join(PROFILE, 'Default'), { recursive: true });
writeFileSync(
  join(PROFILE, 'Default', 'Preferences'),
  JSON.stringify({ extensions: { pinned_extensions: [EXTENSION_ID] }, browser: { has_seen_welcome_page: true } }),
);

// The saved Calendar week, moved to the latest week that has passed, so its meetings can be logged today.
const shift = daysToLatestPastWeek(Date.now());
const calendar = weekUrl(shift);
console.log(`Starting Chromium (${headless ? 'headless' : 'a window'}) with Bridges and a year of sample history…`);
const session = await launch({
  userDataDir: PROFILE,
  window: !headless,
  pages: { [calendar]: weekViewPage(shift, { look: true }) },
  // Google Chrome 137 and later load an unpacked extension from the command line only with this.
  args: ['--disable-features=DisableLoadExtensionCommandLineSwitch', '--window-size=1400,900'],
});
const where = { context: session.context, extensionId: session.extensionId };
const first = await session.context.newPage();
await first.goto(`chrome-extension://${session.extensionId}/popup.html`);
await waitForDatabase(first);
await first.close();
console.log(await restoreSampleHistory(where, Date.now()));
console.log(`A catch-up with Sam Okafor booked for Thursday: ${await bookSampleCatchUp(where, Date.now())}`);

// The weekly reminder, due now rather than next Monday: the extension's own alarm, brought forward.
declare const chrome: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  action: { getBadgeText(details: object): Promise<string> };
};
await session.worker.evaluate(() => chrome.alarms.create('bridges-weekly-reminder', { when: Date.now() + 500 }));
let badge = '';
for (let i = 0; i < 40 && !badge; i++) {
  await new Promise((r) => setTimeout(r, 250));
  badge = await session.worker.evaluate(() => chrome.action.getBadgeText({}));
}
console.log(`The weekly reminder came: the toolbar badge says ${badge || 'nothing'}.`);

if (headless) {
  for (const [name, png] of await allShots(where, shift)) {
    writeFileSync(join(OUT, name), png);
    console.log(`  saved .output/demo/${name}`);
  }
  await session.close();
  console.log('No display here, so these screenshots show what the demo looks like. Run it where there is one.');
} else {
  const tab = session.context.pages()[0] ?? (await session.context.newPage());
  await tab.goto(calendar);
  await tab
    .locator(`[data-eventchip][data-eventid="${chipId(CHIPS.q4Review, shift)}"]`)
    .first()
    .click();
  const manage = await session.context.newPage();
  await manage.goto(`chrome-extension://${session.extensionId}/options.html#/people`);
  await tab.bringToFront();
  console.log(`
Bridges is open with a year of sample history, in a profile of its own (.output/demo/profile).
  • The Calendar tab shows last week's "Q4 planning review": click Log meeting in its card, then open Bridges
    from the toolbar: Priya Raman, overdue, is now on track.
  • The toolbar badge is this week's reminder; opening the popup clears it.
  • The second tab is the management page: the relationship audit, groups, thanks owed, trends, your data.
This browser reaches no network: only the saved Calendar week is served. Close the window to end the demo.`);
  await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
}
