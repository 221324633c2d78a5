// Checks what `npm run zip` made, as a store would receive it: the Chrome Web Store zip, the Firefox add-on zip
// and the sources zip for addons.mozilla.org, each named for package.json's version and carrying it in its
// manifest. Without --quick it also does what a reviewer does: unpacks the sources zip in an empty folder,
// follows its README (npm ci, npm run build:firefox) and compares the result with the Firefox zip, file by file.
//   node scripts/check-packages.mjs [--quick]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const quick = process.argv.includes('--quick');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const zip = (kind) => join(root, '.output', `${name}-${version}-${kind}.zip`);
const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
const unzipFile = (file, entry) => run('unzip', ['-p', file, entry], root);
const entries = (file) =>
  run('unzip', ['-Z1', file], root)
    .split('\n')
    .filter((e) => e && !e.endsWith('/'));

for (const kind of ['chrome', 'firefox', 'sources']) check(existsSync(zip(kind)), `missing ${zip(kind)}`);
if (problems.length === 0) {
  const chrome = JSON.parse(unzipFile(zip('chrome'), 'manifest.json'));
  const firefox = JSON.parse(unzipFile(zip('firefox'), 'manifest.json'));
  check(chrome.version === version, `the Chrome zip says version ${chrome.version}, package.json ${version}`);
  check(firefox.version === version, `the Firefox zip says version ${firefox.version}, package.json ${version}`);
  check(chrome.manifest_version === 3 && firefox.manifest_version === 2, 'manifest versions are not MV3 and MV2');
  check(!('key' in chrome), 'the Chrome zip carries a "key", which the Chrome Web Store refuses');
  check(firefox.browser_specific_settings?.gecko?.id, 'the Firefox zip has no gecko id');
  const sources = entries(zip('sources'));
  for (const needed of ['README.md', 'package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints/background.ts'])
    check(sources.includes(needed), `the sources zip lacks ${needed}`);
  for (const entry of sources)
    check(!/^(node_modules|\.output|\.wxt|tests|bench)\//.test(entry), `the sources zip carries ${entry}`);
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  check(changelog.includes(`## ${version} `), `CHANGELOG.md has no section for ${version}`);
}

if (problems.length === 0 && !quick) {
  const work = mkdtempSync(join(tmpdir(), 'bridges-sources-'));
  try {
    const src = join(work, 'src');
    const expected = join(work, 'firefox-zip');
    run('unzip', ['-q', zip('sources'), '-d', src], root);
    run('unzip', ['-q', zip('firefox'), '-d', expected], root);
    console.log(`Building the sources zip as its README says, in ${src} (npm ci, npm run build:firefox)…`);
    run('npm', ['ci', '--no-audit', '--no-fund'], src);
    run('npm', ['run', 'build:firefox'], src);
    const files = (dir) =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? files(p) : [p];
      });
    const built = join(src, '.output', 'firefox-mv2');
    const a = files(built)
      .map((f) => relative(built, f))
      .sort();
    const b = files(expected)
      .map((f) => relative(expected, f))
      .sort();
    check(JSON.stringify(a) === JSON.stringify(b), `the files differ:\n  built ${a.join(' ')}\n  zip   ${b.join(' ')}`);
    for (const f of a.filter((x) => b.includes(x)))
      check(readFileSync(join(built, f)).equals(readFileSync(join(expected, f))), `${f} differs from the zip's`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (problems.length > 0) {
  console.error(`The packages are not ready:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `Packages for ${name} ${version} are ready in .output/: ${['chrome', 'firefox', 'sources'].map((k) => `${name}-${version}-${k}.zip`).join(', ')}` +
    (quick ? '.' : ', and the sources zip builds to the Firefox zip, byte for byte.'),
);
