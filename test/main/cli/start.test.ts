// The binary smoke test of `npm start` (issue 19): the real entry, src/main/cli/start.mjs, with
// a loopback mirror. It downloads, checks, unpacks and runs a stub Electron on the app; with the
// mirror gone it says why in one line and starts browser mode.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import {
  electronCopy,
  electronVersion,
  goneMirrorUrl,
  mirrorEnv,
  serveFiles,
  shasums,
  startMirror,
  stubElectronZip,
  tempFolder,
  zipName,
  type Mirror,
} from '../../support/electron-mirror.ts';

const root = resolve(import.meta.dirname, '../../..');
let mirror: Mirror | null = null;
let started: ChildProcess | null = null;
const folders: string[] = [];

afterEach(async () => {
  if (started && started.exitCode === null && started.signalCode === null) {
    const exited = new Promise((done) => started!.once('exit', done));
    started.kill('SIGTERM');
    await exited;
  }
  started = null;
  await mirror?.close();
  mirror = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Runs `node src/main/cli/start.mjs ...args` (what `npm start` runs), collecting its lines. */
function npmStart(args: readonly string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['src/main/cli/start.mjs', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started = child;
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  createInterface({ input: child.stderr }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  return { child, lines, exited };
}

/** Resolves with the first line matching `pattern` (rejects if the process exits first). */
function lineMatching(run: ReturnType<typeof npmStart>, pattern: RegExp): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const poll = setInterval(() => {
      const line = run.lines.find((candidate) => pattern.test(candidate));
      if (line) {
        clearInterval(poll);
        resolveLine(line);
      } else if (run.child.exitCode !== null) {
        clearInterval(poll);
        reject(new Error(`npm start exited with no line ${pattern}:\n${run.lines.join('\n')}`));
      }
    }, 50);
  });
}

/** An environment for `npm start` with the electron package copied into `folder`. */
function startEnv(folder: string, mirrorUrl: string): NodeJS.ProcessEnv {
  return {
    ...mirrorEnv(mirrorUrl, join(folder, 'cache')),
    MASSSTART_ELECTRON_DIR: electronCopy(folder),
    // A display name is enough: the stub opens no window.
    DISPLAY: ':0',
    XDG_CONFIG_HOME: join(folder, 'config'),
  };
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('downloads Electron from the mirror, then runs it on the app in the project root', async () => {
    const folder = tempFolder('start-app');
    folders.push(folder);
    const record = join(folder, 'record.txt');
    const zip = stubElectronZip(record);
    mirror = await startMirror(
      serveFiles({
        [`v${electronVersion}/${zipName}`]: zip,
        [`v${electronVersion}/SHASUMS256.txt`]: shasums(zip),
      }),
    );

    const run = npmStart(['--demo'], startEnv(folder, mirror.url));

    const code = await run.exited;
    expect(code, run.lines.join('\n')).toBe(0);
    expect(run.lines).toContain(
      `downloading the Electron ${electronVersion} binary (once; up to 120 s)`,
    );
    expect(readFileSync(record, 'utf8')).toBe(`${realpathSync(root)}\n.\n--demo\n`);
  }, 240_000);

  it('starts browser mode with one line saying why when the mirror is gone', async () => {
    const folder = tempFolder('start-browser');
    folders.push(folder);
    const url = await goneMirrorUrl();
    const data = join(folder, 'data');

    const run = npmStart(['--port', '0', '--no-osc', '--data', data], startEnv(folder, url));

    const console = await lineMatching(run, /console\s+http:\/\/127\.0\.0\.1:\d+\/console\//);
    expect(run.lines).toContain(
      `could not download the Electron binary: connect ECONNREFUSED ${new URL(url).host} (ELECTRON_MIRROR to use a mirror): starting browser mode instead.`,
    );
    const page = /(http:\S+)/.exec(console)![1]!;
    expect((await fetch(page)).status).toBe(200);
    // Stopping npm start stops the host it started.
    run.child.kill('SIGTERM');
    await run.exited;
    await expect(fetch(page)).rejects.toThrow();
  }, 240_000);
});
