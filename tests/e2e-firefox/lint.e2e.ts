import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import webExt from 'web-ext';
import { FIREFOX_BUILD } from './harness';

// addons.mozilla.org runs the same linter on every upload. The build must have no errors, and each warning must be
// one the README explains (its "Firefox's linter" section names the code and why it stays).
interface LintMessage {
  code: string;
  file?: string;
  message: string;
}
interface LintResult {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** Warnings that stay, each with how to recognise it; the README says why. */
const EXPLAINED: Array<{ code: string; isIt(file: string): boolean }> = [
  {
    // Preact's renderer supports `dangerouslySetInnerHTML`; Bridges never passes it (Biome forbids it).
    code: 'UNSAFE_VAR_ASSIGNMENT',
    isIt: (file) => /dangerouslySetInnerHTML/.test(readFileSync(join(FIREFOX_BUILD, file), 'utf8')),
  },
];

describe("Firefox's linter (web-ext lint, as addons.mozilla.org runs it)", () => {
  let result: LintResult;

  it('finds no errors in the Firefox build', async () => {
    result = (await webExt.cmd.lint(
      { sourceDir: FIREFOX_BUILD, output: 'none', selfHosted: false, boring: true },
      { shouldExitProgram: false },
    )) as LintResult;
    expect(result.errors).toEqual([]);
  });

  it('warns only of what the README explains', () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    for (const warning of result.warnings) {
      const known = EXPLAINED.find((e) => e.code === warning.code && warning.file && e.isIt(warning.file));
      expect(known, `${warning.code} in ${warning.file}: ${warning.message}`).toBeDefined();
      expect(readme).toContain(warning.code);
    }
  });
});
