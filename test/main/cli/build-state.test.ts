// The one rule for when out/ is built again (npm start and the tests' global setup), on a
// made-up project tree whose file times the test sets.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIfStale, staleParts, type BuildPart } from '../../../src/main/cli/build-state.ts';

const everyPart: BuildPart[] = ['main', 'preload', 'renderer'];
const sources = [
  'src/main/cli/start.ts',
  'src/preload/index.ts',
  'src/renderer/board/main.ts',
  'src/shared/race/rules.ts',
  'electron.vite.config.ts',
  'package.json',
];
const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/board/index.html'];

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project whose sources were written at t=1000 s and whose out/ files (if any) at `builtAt`. */
function project(files: readonly string[], builtAt = 2000): string {
  const root = mkdtempSync(join(tmpdir(), 'massstart-build-state-'));
  roots.push(root);
  for (const [path, time] of [
    ...sources.map((path) => [path, 1000] as const),
    ...files.map((path) => [path, builtAt] as const),
  ]) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), time, time);
  }
  // Writing the files stamped their folders now: set them back with the sources.
  const folders = ['src/main', 'src/main/cli', 'src/preload', 'src/renderer', 'src/renderer/board'];
  for (const folder of [...folders, 'src/shared', 'src/shared/race']) {
    utimesSync(join(root, folder), 1000, 1000);
  }
  return root;
}

/** Marks `path` (a file of the project) as edited at t=3000 s, after the build. */
const edit = (root: string, path: string) => utimesSync(join(root, path), 3000, 3000);

describe('when out/ is built again', () => {
  it('builds every part that is missing', () => {
    expect(staleParts(project([]), everyPart)).toEqual(everyPart);
    expect(staleParts(project(['out/main/index.js']), everyPart)).toEqual(['preload', 'renderer']);
  });

  it('builds nothing when every part is newer than its sources', () => {
    const root = project(outputs);
    expect(staleParts(root, everyPart)).toEqual([]);
    // No electron-vite in this made-up project: a build would fail, so none was tried.
    expect(buildIfStale(root, everyPart)).toBe(0);
  });

  it.each<[string, BuildPart[]]>([
    ['src/renderer/board/main.ts', ['renderer']],
    ['src/main/cli/start.ts', ['main']],
    ['src/preload/index.ts', ['preload']],
    ['src/shared/race/rules.ts', everyPart],
    ['electron.vite.config.ts', everyPart],
    ['package.json', everyPart],
  ])('after an edit of %s, builds %j again', (path, stale) => {
    const root = project(outputs);
    edit(root, path);
    expect(staleParts(root, everyPart)).toEqual(stale);
  });

  it('counts a new file in a source folder as an edit', () => {
    const root = project(outputs);
    writeFileSync(join(root, 'src/renderer/board/new-widget.ts'), '');
    expect(staleParts(root, ['renderer'])).toEqual(['renderer']);
    expect(staleParts(root, ['main'])).toEqual([]);
  });
});
