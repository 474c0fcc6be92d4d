import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { lstat, realpath, rm, unlink, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where a host serves, for the refusal a second host gets and for DATA/host.lock. */
export interface HostAddress {
  /** The HTTP address of the console and API, e.g. `http://127.0.0.1:8316/`. */
  readonly url?: string;
}

/** A held lock on a data directory: one race host writes its journals at a time. */
export interface DataLock {
  /**
   * Tells where this host serves: a second host started on the same folder names it in its
   * refusal, and DATA/host.lock shows it. Call it once the servers listen.
   */
  advertise?(info: HostAddress): Promise<void>;
  /** Stops holding the folder (idempotent). The lock also ends by itself when the process dies. */
  release(): Promise<void>;
}

/** The lock as {@link lockDataDir} returns it. */
export interface HeldDataLock extends DataLock {
  advertise(info: HostAddress): Promise<void>;
  /** The socket (or pipe) that is the lock, as shown to people. */
  readonly address: string;
}

/** What a host holding a data directory answers a second host that connects to its lock. */
export interface LockHolder {
  readonly app: typeof app;
  readonly pid: number;
  readonly startedAt: string;
  readonly dataDir: string;
  readonly url?: string;
}

/** Refusal of a data directory that another live host holds. */
export class DataDirInUseError extends Error {
  constructor(
    message: string,
    /** What the other host said about itself; null when it did not answer. */
    readonly holder: LockHolder | null,
  ) {
    super(message);
    this.name = 'DataDirInUseError';
  }
}

/** For tests: lock as on another platform (e.g. `darwin` for the socket-file variant). */
export interface LockOptions {
  readonly platform?: NodeJS.Platform;
}

const app = 'mass-start-scoreboard';
const infoName = 'host.lock';
const socketName = 'host.sock';
/** Room for a socket file path: sun_path is 104 bytes on macOS and the BSDs, 108 on Linux. */
const maxSocketPath = 100;
const answerTimeoutMs = 2000;

/** One place the lock can live: an abstract socket, a named pipe or a socket file. */
interface LockAddress {
  readonly path: string;
  /** A socket file: left behind by a killed host, so it is removed when nobody answers on it. */
  readonly file: boolean;
}

/**
 * Where the lock of a (resolved) data directory lives, in order of preference. The lock is a
 * listening socket, which the operating system closes when its process dies, however it dies:
 * a killed host whose pid lingers as a zombie, or a pid reused after a reboot, cannot block.
 * - Linux: an abstract Unix socket named from a hash of the path (no file, nothing left over).
 * - Windows: a named pipe named from a hash of the path.
 * - macOS and other Unixes: a socket file DATA/host.sock, or one in the temp folder when the
 *   path is too long for a socket address or the folder cannot hold sockets.
 */
export function lockAddresses(
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
): LockAddress[] {
  // Windows and (by default) macOS file systems ignore case: one folder, one lock.
  const key = platform === 'win32' || platform === 'darwin' ? dataDir.toLowerCase() : dataDir;
  const name = `${app}-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
  if (platform === 'linux') return [{ path: `\0${name}`, file: false }];
  if (platform === 'win32') return [{ path: `\\\\.\\pipe\\${name}`, file: false }];
  const inFolder = join(dataDir, socketName);
  const inTemp = { path: join(tmpdir(), `${name}.sock`), file: true };
  return Buffer.byteLength(inFolder) <= maxSocketPath
    ? [{ path: inFolder, file: true }, inTemp]
    : [inTemp];
}

/** A lock address as people read it (abstract sockets are written `@name`, as `ss` shows them). */
function shown(address: LockAddress): string {
  return address.path.startsWith('\0') ? `@${address.path.slice(1)}` : address.path;
}

/**
 * Takes the data directory for this process. Two hosts on one data directory would interleave
 * journal lines, so a second one is refused with the pid and address of the first (it asks the
 * first over the lock socket). A lock whose holder died, however it died, is free at once.
 * Also writes DATA/host.lock, saying which process holds the folder, for people only: it is
 * never read to decide, so one left over by a killed host (or an earlier version, which wrote a
 * bare pid there) does not block.
 */
export async function lockDataDir(
  dataDir: string,
  options: LockOptions = {},
): Promise<HeldDataLock> {
  const resolved = await realpath(dataDir).catch(() => resolve(dataDir));
  let holder: LockHolder = {
    app,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    dataDir: resolved,
  };
  const candidates = lockAddresses(resolved, options.platform);
  let server: Server | null = null;
  let address: LockAddress | null = null;
  for (const [index, candidate] of candidates.entries()) {
    try {
      server = await take(candidate, dataDir, () => holder);
      address = candidate;
      break;
    } catch (error) {
      // A folder that cannot hold socket files (some USB sticks and network shares): try the next.
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof DataDirInUseError || code === undefined) throw error;
      if (index === candidates.length - 1) throw lockError(dataDir, candidate, error);
    }
  }
  if (!server || !address) throw new Error(`could not lock ${dataDir}`);
  const held = server;
  const infoPath = join(dataDir, infoName);
  const writeInfo = async () => {
    try {
      // Removed first: an old host.lock may belong to another user and not be writable.
      await rm(infoPath, { force: true });
      await writeFile(infoPath, describeHolder(holder, shown(address)), { mode: 0o644 });
    } catch (error) {
      throw new Error(`could not write ${infoPath}: ${reason(error)}`, { cause: error });
    }
  };
  try {
    await writeInfo();
  } catch (error) {
    await close(held);
    throw error;
  }
  let released: Promise<void> | null = null;
  let writing = Promise.resolve();
  return {
    address: shown(address),
    advertise: (info) => {
      if (released) return Promise.resolve();
      holder = { ...holder, ...(info.url === undefined ? {} : { url: info.url }) };
      const written = writing.then(writeInfo);
      writing = written.catch(() => undefined);
      return written;
    },
    release: () =>
      (released ??= (async () => {
        await writing;
        // The file first: once the socket closes, another host may take the folder and write it.
        await rm(infoPath, { force: true }).catch(() => undefined);
        await close(held);
      })()),
  };
}

/** Listens on the lock address, or finds out who holds it (and then throws). */
async function take(
  address: LockAddress,
  dataDir: string,
  holder: () => LockHolder,
): Promise<Server> {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      return await listen(address.path, holder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
    const before = address.file ? await lstat(address.path).catch(() => null) : null;
    if (address.file && before && !before.isSocket())
      throw new Error(
        `could not lock ${dataDir}: ${address.path} is in the way (it is not a socket); remove it`,
      );
    const answer = await ask(address.path);
    if (answer.kind === 'holder') throw refusal(dataDir, answer.holder);
    if (answer.kind === 'silent')
      throw new DataDirInUseError(
        `${dataDir} is in use by another process (it holds ${shown(address)} but did not say which race host it is); stop it first or choose another --data folder`,
        null,
      );
    if (answer.kind === 'error') throw lockError(dataDir, address, answer.error);
    if (answer.kind === 'refused' || answer.kind === 'reset') {
      if (answer.kind === 'refused' && address.file && before) {
        // A socket file nobody listens on: left by a host that was killed. Remove it unless
        // another host replaced it meanwhile. (Two hosts started in the same instant on a
        // folder with a stale file could still both get past this check; the abstract socket
        // and the named pipe have no such window.)
        const now = await lstat(address.path).catch(() => null);
        if (now && now.ino === before.ino && now.dev === before.dev)
          await unlink(address.path).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw lockError(dataDir, address, error);
          });
      } else {
        // Bound but not listening yet (another host is taking it this very moment), or closing
        // (its host is exiting: a killed process releases its sockets as its last threads end).
        await new Promise((done) => setTimeout(done, 25 * (attempt + 1)));
      }
    }
  }
  throw new Error(
    `could not lock ${dataDir}: ${shown(address)} is in use but takes no connections; try again`,
  );
}

/** Listens on `path`; every connection is answered with the holder, one JSON line. */
function listen(path: string, holder: () => LockHolder): Promise<Server> {
  const server = createServer((socket) => {
    socket.unref();
    socket.on('error', () => undefined);
    socket.setTimeout(answerTimeoutMs, () => socket.destroy());
    socket.end(`${JSON.stringify(holder())}\n`);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    // exclusive: in a cluster worker, too, the lock is this process's own.
    server.listen({ path, exclusive: true }, () => {
      server.off('error', fail);
      // Accept errors (e.g. EMFILE) must not take the host down; the lock still holds.
      server.on('error', () => undefined);
      // The lock must never keep the process alive.
      server.unref();
      done(server);
    });
  });
}

type Answer =
  | { kind: 'holder'; holder: LockHolder }
  | { kind: 'silent' }
  | { kind: 'refused' }
  | { kind: 'reset' }
  | { kind: 'error'; error: NodeJS.ErrnoException };

/** Connects to a lock address in use and reads who holds it. */
function ask(path: string): Promise<Answer> {
  return new Promise((done) => {
    const socket = connect(path);
    let text = '';
    const finish = (answer: Answer) => {
      socket.destroy();
      done(answer);
    };
    const parsed = () => {
      const holder = parseHolder(text.split('\n')[0]!);
      finish(holder ? { kind: 'holder', holder } : { kind: 'silent' });
    };
    socket.setEncoding('utf8');
    socket.setTimeout(answerTimeoutMs, () => finish({ kind: 'silent' }));
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n') || text.length > 4096) parsed();
    });
    socket.on('end', parsed);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // ENOENT: the socket file went away meanwhile; as free as a refused connection.
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') finish({ kind: 'refused' });
      else if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish({ kind: 'reset' });
      else finish({ kind: 'error', error });
    });
  });
}

function parseHolder(line: string): LockHolder | null {
  try {
    const value = JSON.parse(line) as Partial<LockHolder> | null;
    if (value?.app !== app || !Number.isInteger(value.pid)) return null;
    return {
      app,
      pid: value.pid!,
      startedAt: String(value.startedAt ?? ''),
      dataDir: String(value.dataDir ?? ''),
      ...(typeof value.url === 'string' ? { url: value.url } : {}),
    };
  } catch {
    return null;
  }
}

function refusal(dataDir: string, holder: LockHolder): DataDirInUseError {
  const where = holder.url ? `, ${holder.url}` : '';
  return new DataDirInUseError(
    `${dataDir} is in use by another race host (process ${holder.pid}${where}); stop it first or choose another --data folder`,
    holder,
  );
}

function lockError(dataDir: string, address: LockAddress, error: unknown): Error {
  return new Error(`could not lock ${dataDir}: cannot use ${shown(address)}: ${reason(error)}`, {
    cause: error,
  });
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const hint =
    code === 'EACCES' || code === 'EPERM'
      ? ' (permission denied: is the folder writable by this user?)'
      : '';
  return `${(error as Error).message}${hint}`;
}

function close(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}

/** The Linux boot id, shown in host.lock: a pid from another boot names another process. */
function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** DATA/host.lock: who holds the folder, for people. */
function describeHolder(holder: LockHolder, address: string): string {
  const boot = bootId();
  return [
    'Mass Start Scoreboard race host using this data folder',
    `pid      ${holder.pid}`,
    `started  ${holder.startedAt}`,
    `address  ${holder.url ?? '(not serving yet)'}`,
    `machine  ${hostname()}`,
    ...(boot ? [`boot     ${boot}`] : []),
    `lock     ${address}`,
    '',
    'This file is for people only. The lock is the socket above: the running host holds it and',
    'the operating system releases it when that process ends, however it ends. A host that was',
    'killed may leave this file behind; it never keeps a host from starting.',
    '',
  ].join('\n');
}
