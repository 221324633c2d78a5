import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The version is set once, in package.json (WXT writes it into both manifests and the packages' names), and
// every version has its entry in CHANGELOG.md, newest first.
const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
const changelog = readFileSync(join(process.cwd(), 'CHANGELOG.md'), 'utf8');
const versions = [...changelog.matchAll(/^## (\d+\.\d+\.\d+) \((\d{4}-\d{2}-\d{2})\)$/gm)].map((m) => m[1] ?? '');
const parts = (v: string) => v.split('.').map(Number);

describe('the version and the changelog', () => {
  it('describes the version of package.json first', () => {
    expect(versions[0]).toBe(pkg.version);
  });

  it('lists versions newest first, each once', () => {
    const sorted = [...versions].sort((a, b) => {
      const [x, y] = [parts(a), parts(b)];
      return (y[0] ?? 0) - (x[0] ?? 0) || (y[1] ?? 0) - (x[1] ?? 0) || (y[2] ?? 0) - (x[2] ?? 0);
    });
    expect(versions).toEqual(sorted);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('leaves the manifest version to package.json (wxt.config.ts sets none)', () => {
    expect(readFileSync(join(process.cwd(), 'wxt.config.ts'), 'utf8')).not.toMatch(/\bversion\s*:/);
  });
});
