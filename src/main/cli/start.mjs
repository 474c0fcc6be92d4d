#!/usr/bin/env node
// `npm start`: the Electron app where the Electron binary is installed; otherwise one clear
// line and browser mode (the same host, its pages served over HTTP) with the demo meeting.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });

/** The Electron binary, if installed. Reads electron's path.txt rather than requiring the
 * package: requiring it tries to download a missing binary, which fails offline. */
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const binary = join(dir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const extra = process.argv.slice(2);
if (electronBinary()) {
  process.exitCode = run('npx', ['electron-vite', 'preview', ...extra]).status ?? 1;
} else {
  console.log(
    'Electron is not installed on this machine (no Electron binary): starting browser mode instead.',
  );
  const build = run('npx', ['electron-vite', 'build', '--logLevel', 'warn']);
  if (build.status !== 0) {
    console.error('building the console and board pages failed (see above)');
    process.exit(build.status ?? 1);
  }
  const child = spawn(process.execPath, ['src/main/cli/bin.mjs', 'serve', '--demo', ...extra], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
