import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DataDirInUseError,
  lockAddresses,
  lockDataDir,
  type HeldDataLock,
} from '../../../src/main/host/data-lock.ts';
import { RaceHost } from '../../../src/main/host/host.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const onLinux = process.platform === 'linux';
/** The platforms whose lock runs here: this one, and the socket-file variant (macOS, BSD). */
const variants: { name: string; platform?: NodeJS.Platform }[] =
  process.platform === 'win32'
    ? [{ name: 'named pipe' }]
    : [
        { name: onLinux ? 'abstract socket' : 'socket file' },
        ...(onLinux ? [{ name: 'socket file', platform: 'darwin' as const }] : []),
      ];

let work: string;
let lockChild: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'data-lock-test-'));
  // Bundled once and spawned with plain node: a start in ~50 ms instead of ~300 ms with tsx.
  lockChild = join(work, 'lock-child.mjs');
  const entry = fileURLToPath(new URL('../../support/lock-child.ts', import.meta.url));
  await build({
    entryPoints: [entry],
    outfile: lockChild,
    bundle: true,
    platform: 'node',
    format: 'esm',
  });
});
afterAll(() => rm(work, { recursive: true, force: true }));

let dataDir: string;
const locks: HeldDataLock[] = [];
const children: ChildProcess[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(work, 'data-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const lock of locks.splice(0)) await lock.release();
});

async function lock(platform?: NodeJS.Platform, dir = dataDir) {
  const held = await lockDataDir(dir, platform ? { platform } : {});
  locks.push(held);
  return held;
}

/** A child process with its stdout read line by line. */
function start(command: string, args: string[]) {
  const child = spawn(command, args, { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    exited,
    /** The first line matching `pattern` (waits for it). */
    async line(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (const line of lines) {
          const match = line.match(pattern);
          if (match) return match;
        }
        if (Date.now() > deadline) throw new Error(`no line ${pattern} in ${lines.join(' | ')}`);
        await Promise.race([
          new Promise<void>((wake) => waiters.push(wake)),
          new Promise((wake) => setTimeout(wake, 100)),
        ]);
      }
    },
  };
}

function holdInChild(platform?: NodeJS.Platform, extra: string[] = []) {
  return start(process.execPath, [
    lockChild,
    dataDir,
    ...(platform ? ['--platform', platform] : []),
    ...extra,
  ]);
}

/** The process state letter in /proc/PID/stat (Linux): R, S, Z... */
async function procState(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat?.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) ?? null;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 20));
  }
}

/** Connects to a lock address and returns what it answers (or the connect error's code). */
function askRaw(path: string): Promise<string> {
  return new Promise((done) => {
    const socket = connect(path);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => done(text));
    socket.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'));
  });
}

describe.runIf(onLinux)('a host killed while its parent does not reap it (a zombie)', () => {
  it('leaves no lock behind: a new host starts on the data directory', async () => {
    // `sleep` becomes the parent of the host and never waits for it, as in a container or a
    // service without an init that reaps: the killed host stays a zombie with its pid.
    const shell = start('sh', [
      '-c',
      '"$@" & echo "pid $!"; exec sleep 60',
      'sh',
      process.execPath,
      join(root, 'src/main/cli/bin.mjs'),
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      '--no-osc',
    ]);
    const pid = Number((await shell.line(/^pid (\d+)$/))[1]);
    await shell.line(/^ {2}API /, 20_000);
    await expect(RaceHost.open({ dataDir })).rejects.toThrow(
      `is in use by another race host (process ${pid}`,
    );
    process.kill(pid, 'SIGKILL');
    await until(async () => (await procState(pid)) === 'Z', `process ${pid} to be a zombie`);
    // The pid still exists (kill 0 finds it) and host.lock still names it...
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect(await readFile(join(dataDir, 'host.lock'), 'utf8')).toContain(`pid      ${pid}\n`);
    // ...yet the folder is free.
    const host = await RaceHost.open({ dataDir });
    expect(await readFile(join(dataDir, 'host.lock'), 'utf8')).toContain(
      `pid      ${process.pid}\n`,
    );
    await host.close();
    expect(await procState(pid)).toBe('Z');
  }, 30_000);
});

describe('a host.lock file never decides', () => {
  it('an old-format host.lock naming an unrelated live process does not block', async () => {
    const sleeper = start('sleep', ['30']);
    const pid = sleeper.child.pid!;
    expect(() => process.kill(pid, 0)).not.toThrow(); // alive
    await writeFile(join(dataDir, 'host.lock'), `${pid}\n`);
    await lock();
    const text = await readFile(join(dataDir, 'host.lock'), 'utf8');
    expect(text).toContain(`pid      ${process.pid}\n`);
    expect(text).toContain('address  (not serving yet)\n');
  });

  it('a host.lock from another boot (pid 1, another boot id) does not block', async () => {
    await writeFile(
      join(dataDir, 'host.lock'),
      [
        'Mass Start Scoreboard race host using this data folder',
        'pid      1',
        'started  2026-02-20T07:00:00.000Z',
        'address  http://127.0.0.1:8316/',
        'boot     00000000-0000-0000-0000-000000000000',
        '',
      ].join('\n'),
    );
    await lock();
    const text = await readFile(join(dataDir, 'host.lock'), 'utf8');
    expect(text).toContain(`pid      ${process.pid}\n`);
    expect(text).not.toContain('00000000-0000-0000-0000-000000000000');
  });

  it('a host.lock of our own pid, or garbage, does not block either', async () => {
    await writeFile(join(dataDir, 'host.lock'), `${process.pid}\n`);
    await (await lock()).release();
    await writeFile(join(dataDir, 'host.lock'), '\0\0\0 not a lock');
    await lock();
  });
});

describe.each(variants)('the lock ($name)', ({ platform }) => {
  it('refuses a second host with the pid and address of the live one, free at once after it exits', async () => {
    const url = 'http://127.0.0.1:8316/';
    const first = holdInChild(platform, ['--url', url]);
    const pid = Number((await first.line(/^locked (\d+)$/))[1]);
    expect(pid).toBe(first.child.pid);
    const refused = lock(platform);
    await expect(refused).rejects.toThrow(
      `${dataDir} is in use by another race host (process ${pid}, ${url}); stop it first or choose another --data folder`,
    );
    await expect(refused).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(refused).rejects.toMatchObject({ holder: { pid, url } });
    const text = await readFile(join(dataDir, 'host.lock'), 'utf8');
    expect(text).toContain(`pid      ${pid}\n`);
    expect(text).toContain(`address  ${url}\n`);
    // A child refused in turn says so and exits.
    const third = holdInChild(platform);
    expect((await third.line(/^refused (.*)$/))[1]).toContain(`(process ${pid}, ${url})`);
    expect(await third.exited).toBe(1);

    // Exits normally: releases on the way out.
    first.child.stdin.end();
    await first.line(/^released$/);
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'host.lock'))).toBe(false);
    await (await lock(platform)).release();

    // Killed: the operating system releases the lock; the next host starts at once.
    const killed = holdInChild(platform);
    const killedPid = Number((await killed.line(/^locked (\d+)$/))[1]);
    await expect(lock(platform)).rejects.toThrow(`(process ${killedPid})`);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(await readFile(join(dataDir, 'host.lock'), 'utf8')).toContain(`pid      ${killedPid}\n`);
    await lock(platform);
    expect(await readFile(join(dataDir, 'host.lock'), 'utf8')).toContain(
      `pid      ${process.pid}\n`,
    );
  });

  it('answers who holds it with one JSON line, and stops listening on release', async () => {
    const held = await lock(platform);
    await held.advertise({ url: 'http://10.0.0.5:8316/' });
    const [address] = lockAddresses(await realpath(dataDir), platform);
    const answer = JSON.parse(await askRaw(address!.path)) as Record<string, unknown>;
    expect(answer).toEqual({
      app: 'mass-start-scoreboard',
      pid: process.pid,
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      dataDir: expect.any(String),
      url: 'http://10.0.0.5:8316/',
    });
    await held.release();
    await held.release(); // idempotent
    expect(['ECONNREFUSED', 'ENOENT']).toContain(await askRaw(address!.path));
    expect(existsSync(join(dataDir, 'host.lock'))).toBe(false);
    if (address!.file) expect(existsSync(address!.path)).toBe(false);
  });

  it('refuses a second lock in the same process too', async () => {
    await lock(platform);
    await expect(lock(platform)).rejects.toThrow(`(process ${process.pid})`);
  });

  it('does not keep the process alive', async () => {
    const child = holdInChild(platform, ['--leave']);
    await child.line(/^locked \d+$/);
    expect(await child.exited).toBe(0);
    await lock(platform);
  });

  it('a lock on one folder leaves other folders free', async () => {
    const other = await mkdtemp(join(work, 'other-'));
    await lock(platform);
    await lock(platform, other);
  });
});

describe.runIf(onLinux)('the socket-file variant (macOS, BSD)', () => {
  it('takes over a socket file nobody listens on, and refuses a file in the way', async () => {
    const killed = holdInChild('darwin');
    await killed.line(/^locked \d+$/);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(existsSync(join(dataDir, 'host.sock'))).toBe(true);
    await (await lock('darwin')).release();
    expect(existsSync(join(dataDir, 'host.sock'))).toBe(false);

    await mkdir(join(dataDir, 'host.sock'));
    await expect(lock('darwin')).rejects.toThrow(
      `${join(dataDir, 'host.sock')} is in the way (it is not a socket); remove it`,
    );
  });

  it('uses the temp folder when the data folder path is too long for a socket address', async () => {
    const deep = join(dataDir, 'a-rather-long-folder-name-'.repeat(5));
    await mkdir(deep, { recursive: true });
    const [address] = lockAddresses(deep, 'darwin');
    expect(address!.path.startsWith(tmpdir())).toBe(true);
    await lock('darwin', deep);
    await expect(lock('darwin', deep)).rejects.toThrow(`(process ${process.pid})`);
    const [inFolder, inTemp] = lockAddresses(dataDir, 'darwin');
    expect(inFolder!.path).toBe(join(dataDir, 'host.sock'));
    expect(inTemp!.path.startsWith(tmpdir())).toBe(true);
  });
});

describe('lock addresses', () => {
  it('name an abstract socket on Linux and a named pipe on Windows, from a hash of the path', () => {
    const [linux] = lockAddresses('/srv/race-data', 'linux');
    expect(linux).toEqual({
      path: expect.stringMatching(/^\0mass-start-scoreboard-[0-9a-f]{32}$/),
      file: false,
    });
    expect(lockAddresses('/srv/race-data-2', 'linux')[0]!.path).not.toBe(linux!.path);
    const [windows] = lockAddresses('C:\\Races\\Data', 'win32');
    expect(windows!.path).toMatch(/^\\\\\.\\pipe\\mass-start-scoreboard-[0-9a-f]{32}$/);
    expect(lockAddresses('c:\\races\\data', 'win32')[0]!.path).toBe(windows!.path);
  });
});

describe('errors', () => {
  it('a host.lock that cannot be written is a clear error, and leaves the folder free', async () => {
    await mkdir(join(dataDir, 'host.lock'));
    await expect(lock()).rejects.toThrow(`could not write ${join(dataDir, 'host.lock')}: `);
    await rm(join(dataDir, 'host.lock'), { recursive: true });
    await lock();
  });
});
