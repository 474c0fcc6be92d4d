// When `out/` must be built again: one rule for `npm start` and the tests' global setup
// (test/support/build-renderer.ts), so neither runs a stale app nor rebuilds a fresh one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What electron-vite builds: the Electron main process, its preload and the two pages. */
export type BuildPart = 'main' | 'preload' | 'renderer';

/** For each part, a file every build writes and the folders it is built from. */
const parts: Record<BuildPart, { built: string; from: readonly string[] }> = {
  main: { built: 'out/main/index.js', from: ['src/main', 'src/shared'] },
  preload: { built: 'out/preload/index.cjs', from: ['src/preload', 'src/shared'] },
  renderer: { built: 'out/renderer/board/index.html', from: ['src/renderer', 'src/shared'] },
};
/** What every part is also built from. */
const everyPartFrom = ['electron.vite.config.ts', 'package.json'];

/** Newest modification time under `path` (files or folders), in ms; 0 when it is missing. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (latest, name) => Math.max(latest, newest(join(path, name))),
    stats.mtimeMs,
  );
}

/** The parts of `root/out` that are missing or older than a file they are built from. */
export function staleParts(root: string, wanted: readonly BuildPart[]): BuildPart[] {
  return wanted.filter((part) => {
    const built = join(root, parts[part].built);
    if (!existsSync(built)) return true;
    const sources = [...parts[part].from, ...everyPartFrom].map((path) => newest(join(root, path)));
    return Math.max(...sources) > statSync(built).mtimeMs;
  });
}

/**
 * Runs `electron-vite build` in `root` when a wanted part is stale; returns its exit status (0
 * when nothing had to be built). Runs electron-vite's own script with this Node, so it needs no
 * npx and no shell on Windows.
 */
export function buildIfStale(root: string, wanted: readonly BuildPart[]): number {
  if (staleParts(root, wanted).length === 0) return 0;
  const require = createRequire(join(root, 'package.json'));
  const manifest = require.resolve('electron-vite/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  const script = join(dirname(manifest), bin['electron-vite']!);
  const build = spawnSync(process.execPath, [script, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  return build.status ?? 1;
}
