// `npm start` (issue 19): the Electron app wherever Electron can be had, its binary downloaded on
// the first start; otherwise one line saying why and browser mode (the same host serving its
// pages over HTTP) with the demo meeting.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildIfStale } from './build-state.ts';
import { findElectronPackage, installedBinary, type ElectronPackage } from './electron-binary.ts';
import {
  downloadElectronBinary,
  downloadTimeLimitMs,
  type DownloadOutcome,
} from './electron-download.ts';

/** The repository (or unpacked app) root: `.` for the Electron binary, where out/ is built. */
const root = resolve(import.meta.dirname, '../../..');

/**
 * Starts the app, or browser mode, with `args` for either (e.g. `--demo`, `--port 0`); resolves to
 * the exit code. Bad settings (MASSSTART_ELECTRON_DIR, MASSSTART_ELECTRON_DOWNLOAD_TIMEOUT) stop
 * it with a line naming them.
 */
export async function start(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let electron: ElectronPackage | null;
  let timeLimitMs: number;
  try {
    electron = findElectronPackage(root, env);
    timeLimitMs = downloadTimeLimitMs(env);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const outcome = await appBinary(electron, env, timeLimitMs, (line) => console.log(line));
  if ('failure' in outcome) {
    console.log(`${outcome.failure}: starting browser mode instead.`);
    return runBrowserMode(args, env);
  }
  return runApp(outcome.binary, args, env);
}

/** The installed binary, downloaded now when missing, or why the app cannot run here. */
export async function appBinary(
  electron: ElectronPackage | null,
  env: NodeJS.ProcessEnv,
  timeLimitMs: number,
  print: (line: string) => void,
): Promise<DownloadOutcome> {
  if (!electron) return { failure: 'the electron package is not installed (npm ci installs it)' };
  // On Linux and the BSDs Electron opens its windows on X11 or Wayland: a headless machine
  // would download about 100 MB for an app that exits with "Missing X server or $DISPLAY".
  const needsDisplay = !['darwin', 'win32'].includes(process.platform);
  if (needsDisplay && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { failure: 'no display to open the app on (DISPLAY and WAYLAND_DISPLAY are unset)' };
  }
  const binary = installedBinary(electron);
  if (binary) return { binary };
  return downloadElectronBinary(electron, { env, timeLimitMs, print });
}

/** Builds what is stale, then runs `<binary> .` in the root, as electron-vite preview does. */
async function runApp(binary: string, args: readonly string[], env: NodeJS.ProcessEnv) {
  const status = buildIfStale(root, ['main', 'preload', 'renderer']);
  if (status !== 0) {
    console.error('building the app failed (see above)');
    return status;
  }
  // NO_SANDBOX=1 as electron-vite preview reads it (Electron refuses to run as root without it).
  const sandbox = env.NO_SANDBOX === '1' ? ['--no-sandbox'] : [];
  const run = await runChild(binary, ['.', ...sandbox, ...args], env);
  if (typeof run === 'number') return run;
  console.log(
    `could not start the Electron binary (${run.message}): starting browser mode instead.`,
  );
  return runBrowserMode(args, env);
}

/** Builds the pages when stale, then `massstart serve --demo` with `args`. */
async function runBrowserMode(args: readonly string[], env: NodeJS.ProcessEnv) {
  const status = buildIfStale(root, ['renderer']);
  if (status !== 0) {
    console.error('building the console and board pages failed (see above)');
    return status;
  }
  const bin = join(root, 'src/main/cli/bin.mjs');
  const run = await runChild(process.execPath, [bin, 'serve', '--demo', ...args], env);
  if (typeof run === 'number') return run;
  console.error(`could not start browser mode: ${run.message}`);
  return 1;
}

/**
 * Runs a child on this terminal, passing on Ctrl+C and termination; resolves to its exit code
 * (1 when a signal ended it), or to the error when it could not be started at all.
 */
function runChild(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number | Error> {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const passOn = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of signals) process.on(signal, passOn);
  return new Promise((resolve) => {
    const done = (result: number | Error) => {
      for (const signal of signals) process.off(signal, passOn);
      resolve(result);
    };
    child.once('error', done);
    child.once('exit', (code) => done(code ?? 1));
  });
}
