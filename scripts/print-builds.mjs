// Says where `npm run build` put each browser's extension, and how big it is.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const size = (dir) =>
  readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    return sum + (statSync(path).isDirectory() ? size(path) : statSync(path).size);
  }, 0);

const builds = [
  [
    'Chrome, Edge and other Chromium browsers (MV3)',
    '.output/chrome-mv3',
    'chrome://extensions > Developer mode > Load unpacked',
  ],
  [
    'Firefox (MV2)',
    '.output/firefox-mv2',
    'about:debugging#/runtime/this-firefox > Load Temporary Add-on > manifest.json',
  ],
];
console.log('\nBridges is built:');
for (const [name, dir, how] of builds) {
  console.log(`  ${name}: ${dir}/  (${Math.round(size(dir) / 1024)} KB)\n    load it: ${how}`);
}
console.log('\nThen open https://calendar.google.com, click a meeting you have had, and click "Log meeting".\n');
