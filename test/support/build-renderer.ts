import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root and the built pages the board tests serve. */
const root = resolve(import.meta.dirname, '../..');
export const rendererOut = join(root, 'out/renderer');

/** Newest modification time under `path` (files or folders), in ms. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (latest, name) => Math.max(latest, newest(join(path, name))),
    stats.mtimeMs,
  );
}

/** Whether `out/renderer` is missing or older than what it is built from. */
export function rendererIsStale(): boolean {
  const built = join(rendererOut, 'board/index.html');
  if (!existsSync(built)) return true;
  const sources = ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package.json'].map(
    (path) => newest(join(root, path)),
  );
  return Math.max(...sources) > statSync(built).mtimeMs;
}

/** Builds the renderer pages (electron-vite) when they are missing or stale; quiet otherwise. */
export function ensureRendererBuilt(): void {
  if (!rendererIsStale()) return;
  execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/**
 * Vitest global setup: builds the renderer once per run, but only when the run includes the
 * browser tests (a run filtered to other files, e.g. `vitest run test/shared`, skips it).
 */
export default function setup(): void {
  const filters = process.argv
    .slice(2)
    .filter(
      (arg) => !arg.startsWith('-') && arg !== 'run' && arg !== 'watch' && !arg.includes('vitest'),
    );
  const wantsBrowser = filters.length === 0 || filters.some((filter) => /e2e|board/.test(filter));
  if (wantsBrowser) ensureRendererBuilt();
}
