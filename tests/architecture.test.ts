import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layer order, as rules that fail loudly (dependency-cruiser's idea, in a test: TypeScript 7's package has no
// compiler API for that tool to parse with). Data flows one way: the Calendar page and the pages send commands;
// the background dispatches them; commands call the services in lib/; the services use the database, the
// settings and the pure rules. A module never reaches up that chain, and no two modules need each other.
const ROOT = process.cwd();
const SOURCES = ['lib', 'components', 'entrypoints'];

interface Edge {
  from: string;
  to: string;
  /** `import type` / `export type`: erased from the build. */
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null; // a package
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  return null;
}

function edgesOf(file: string): Edge[] {
  const code = readFileSync(file, 'utf8');
  const out: Edge[] = [];
  for (const m of code.matchAll(IMPORT)) {
    const to = resolveSpecifier(file, m[3] ?? '');
    if (to) out.push({ from: relative(ROOT, file), to, typeOnly: Boolean(m[2]) });
  }
  for (const m of code.matchAll(DYNAMIC)) {
    const to = resolveSpecifier(file, m[1] ?? '');
    if (to) out.push({ from: relative(ROOT, file), to, typeOnly: false });
  }
  return out;
}

const EDGES = SOURCES.flatMap((dir) => files(join(ROOT, dir))).flatMap(edgesOf);
const under = (path: string, ...dirs: string[]) => dirs.some((d) => path === d || path.startsWith(`${d}/`));
/** The command table's modules that are not commands: the shape, the failures, the uploads' registry. */
const COMMAND_INFRASTRUCTURE = ['command.ts', 'failure.ts', 'uploads.ts', 'index.ts'].map((f) => `lib/commands/${f}`);
const isCommand = (path: string) => under(path, 'lib/commands') && !COMMAND_INFRASTRUCTURE.includes(path);
const PAGE_SIDE = ['lib/ui', 'lib/popup', 'lib/manage'];

const broken = (rule: (e: Edge) => boolean) => EDGES.filter(rule).map((e) => `${e.from} -> ${e.to}`);

describe('the layer order', () => {
  it('reads the imports it judges', () => {
    // The check can fail: the tree has edges of every kind the rules look at.
    expect(EDGES.length).toBeGreaterThan(300);
    expect(EDGES.some((e) => e.from === 'entrypoints/background.ts' && e.to === 'lib/background/dispatch.ts')).toBe(
      true,
    );
    expect(EDGES.some((e) => e.typeOnly)).toBe(true);
    expect(EDGES.some((e) => isCommand(e.from) && e.to === 'lib/commands/command.ts')).toBe(true);
  });

  it('lib never imports components or entrypoints; components never import entrypoints', () => {
    expect(broken((e) => under(e.from, 'lib') && under(e.to, 'components', 'entrypoints'))).toEqual([]);
    expect(broken((e) => under(e.from, 'components') && under(e.to, 'entrypoints'))).toEqual([]);
  });

  it('no command imports another command', () => {
    expect(
      broken(
        (e) =>
          isCommand(e.from) &&
          under(e.to, 'lib/commands') &&
          e.to !== 'lib/commands/command.ts' &&
          !COMMAND_INFRASTRUCTURE.includes(e.to),
      ),
    ).toEqual([]);
  });

  it('only the background reaches the commands; only the protocol knows their types', () => {
    const allowed = (from: string) =>
      under(from, 'lib/commands', 'lib/background') || from === 'entrypoints/background.ts';
    expect(broken((e) => under(e.to, 'lib/commands') && !allowed(e.from) && !e.typeOnly)).toEqual([]);
    expect(
      broken((e) => under(e.to, 'lib/commands') && !allowed(e.from) && e.from !== 'lib/messaging-protocol.ts'),
    ).toEqual([]);
  });

  it('nothing below the background imports it', () => {
    expect(
      broken(
        (e) =>
          under(e.to, 'lib/background') && !under(e.from, 'lib/background') && e.from !== 'entrypoints/background.ts',
      ),
    ).toEqual([]);
  });

  it("the background's services never import the pages' own modules", () => {
    expect(broken((e) => under(e.from, 'lib') && !under(e.from, ...PAGE_SIDE) && under(e.to, ...PAGE_SIDE))).toEqual(
      [],
    );
  });

  it('has no circles, type imports included', () => {
    const next = new Map<string, string[]>();
    for (const e of EDGES) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const to of next.get(file) ?? []) visit(to, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of next.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });
});

// Pages read the database only through lib/db/queries.ts, where each read is named once; the background's services
// (lib/commands, lib/logging, lib/sync...) read inside their own transactions and are not judged here.
const PAGE_FILES = [...PAGE_SIDE, 'components', 'entrypoints']
  .flatMap((dir) => files(join(ROOT, dir)))
  .map((file) => relative(ROOT, file))
  .filter((file) => file !== 'entrypoints/background.ts');
/** The stores, as the database declares them: a store added later is judged too. */
const TABLES = [...readFileSync(join(ROOT, 'lib/db/app-db.ts'), 'utf8').matchAll(/^\s*(\w+)!: EntityTable</gm)].map(
  (m) => m[1],
);
/** A store's method called on the database (`db.people.where(`, `getDb().sync.get(`, `db.table(`), or raw IndexedDB. */
const TABLE_CALL = new RegExp(
  `\\b\\w*db(?:\\(\\))?\\s*\\.\\s*(?:(?:${TABLES.join('|')})\\s*\\.\\s*\\w+\\s*\\(|table\\s*\\()|indexedDB\\s*\\.\\s*open\\s*\\(|\\.objectStore\\s*\\(|\\.backendDB\\s*\\(`,
  'gi',
);
const tableCalls = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(TABLE_CALL)].map((m) => `${file}: ${m[0].replace(/\s+/g, '')}`);

describe('one place to read from', () => {
  it('sees the reads it judges', () => {
    // The check can fail: it finds the reads the queries module makes, on every store a page reads.
    expect(TABLES).toEqual(expect.arrayContaining(['people', 'interactions', 'groups', 'settings', 'sync']));
    const reads = tableCalls('lib/db/queries.ts').join('\n');
    for (const call of ['db.people.toArray(', 'db.interactions.where(', 'db.sync.get(', 'indexedDB.open(']) {
      expect(reads).toContain(call);
    }
    expect(PAGE_FILES).toContain('components/settings/SettingsPage.tsx');
    expect(PAGE_FILES).toContain('lib/popup/live.ts');
  });

  it('pages and their hooks read the database only through lib/db/queries.ts', () => {
    expect(PAGE_FILES.flatMap(tableCalls)).toEqual([]);
  });
});
