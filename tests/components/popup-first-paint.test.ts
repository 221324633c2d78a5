import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// What the popup's first paint waits for is its entry and what that imports statically, whatever it renders
// later (bench: bundle.popupFirstPaintGzKB, popup.ratio). Type-only and dynamic imports are left out, as the
// build leaves them out.
const ROOT = process.cwd();
const STATIC = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.[^'"]+)['"]/g;

function firstPaintModules(entry: string): Set<string> {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    for (const [, specifier] of readFileSync(join(ROOT, file), 'utf8').matchAll(STATIC)) {
      const base = resolve(dirname(join(ROOT, file)), specifier ?? '');
      const path = [`${base}.ts`, `${base}.tsx`, base].find((p) => existsSync(p) && /\.tsx?$/.test(p));
      if (path) visit(relative(ROOT, path));
    }
  };
  visit(entry);
  return found;
}

describe("the popup's first paint", () => {
  const modules = firstPaintModules('entrypoints/popup/main.tsx');

  it('reaches the list it paints (the walk follows imports)', () => {
    expect(modules).toContain('entrypoints/popup/App.tsx');
    expect(modules).toContain('components/NeglectList.tsx');
    expect(modules).toContain('lib/relationships/rank.ts');
  });

  it("loads no catch-up code: the week's stretch, known only after the paint, brings its controls with it", () => {
    const catchUp = [...modules].filter(
      (m) =>
        m === 'components/StretchCard.tsx' ||
        m === 'components/CatchUpControls.tsx' ||
        // The setting's names and defaults come with the settings' schema, which checks the popup's three settings.
        (m.startsWith('lib/catchup/') && m !== 'lib/catchup/settings.ts'),
    );
    expect(catchUp).toEqual([]);
  });
});
