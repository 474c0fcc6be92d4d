// Results out has one home (issue 19): src/main/results-out, on the pure halves in
// src/shared/results and src/shared/export. None of them may sit in an import cycle with another
// folder (src/main/results and src/main/export imported each other before). Folders, not files:
// the cycle check the architecture asks for, read with TypeScript's own import scanner.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '../../../src');

/** Every source file under src. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Folder → the folders its files import (relative imports only: packages are not folders here). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(src)) {
    const from = relative(src, dirname(file));
    const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    for (const { fileName } of imports) {
      if (!fileName.startsWith('.')) continue;
      const to = relative(src, dirname(resolve(dirname(file), fileName)));
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** The folders `start` reaches by following imports. */
function reachable(graph: Map<string, Set<string>>, start: string): Set<string> {
  const seen = new Set<string>();
  const next = [...(graph.get(start) ?? [])];
  while (next.length > 0) {
    const folder = next.pop()!;
    if (seen.has(folder)) continue;
    seen.add(folder);
    next.push(...(graph.get(folder) ?? []));
  }
  return seen;
}

describe('results out: one home, no cycles', () => {
  const graph = folderGraph();

  it('src/main/results and src/main/export are gone: results-out holds them', () => {
    expect(graph.has('main/results-out')).toBe(true);
    expect(graph.has('main/results') || graph.has('main/export')).toBe(false);
  });

  it.each(['main/results-out', 'shared/results', 'shared/export'])(
    '%s is in no import cycle with another folder',
    (folder) => {
      // Any folder it imports that imports it back, however far round.
      const back = [...reachable(graph, folder)].filter((other) =>
        reachable(graph, other).has(folder),
      );
      expect(back).toEqual([]);
    },
  );

  it('the server and the Electron shell import results out; results out imports neither', () => {
    const out = reachable(graph, 'main/results-out');
    expect(
      [...out].filter((folder) => /^(main\/(server|electron|cli)|renderer)/.test(folder)),
    ).toEqual([]);
    expect(graph.get('main/server')?.has('main/results-out')).toBe(true);
  });
});
