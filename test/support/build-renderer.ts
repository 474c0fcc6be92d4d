import { join, resolve } from 'node:path';
import { buildIfStale } from '../../src/main/cli/build-state.ts';

/** The repository root and the built pages the board tests serve. */
const root = resolve(import.meta.dirname, '../..');
export const rendererOut = join(root, 'out/renderer');

/**
 * Builds the renderer pages (electron-vite) when they are missing or older than their sources,
 * by the rule `npm start` uses (src/main/cli/build-state.ts); quiet otherwise.
 */
export function ensureRendererBuilt(): void {
  const status = buildIfStale(root, ['renderer']);
  if (status !== 0) throw new Error(`electron-vite build exited with ${status} (see above)`);
}

/**
 * Vitest global setup: brings all of out/ up to date once per run, before any test, but only
 * when the run includes tests that use it: the browser tests and `npm start`'s smoke test (a run
 * filtered to other files, e.g. `vitest run test/shared`, skips it). A build during the run would
 * pull the pages from under the browser tests.
 */
export default function setup(): void {
  const filters = process.argv
    .slice(2)
    .filter(
      (arg) => !arg.startsWith('-') && arg !== 'run' && arg !== 'watch' && !arg.includes('vitest'),
    );
  const wantsOut =
    filters.length === 0 || filters.some((filter) => /e2e|board|cli\/start/.test(filter));
  if (!wantsOut) return;
  const status = buildIfStale(root, ['main', 'preload', 'renderer']);
  if (status !== 0) throw new Error(`electron-vite build exited with ${status} (see above)`);
}
