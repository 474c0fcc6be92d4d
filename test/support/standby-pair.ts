// Two laptops on loopback (issue 20): a primary and its standby as real `massstart serve` child
// processes, each on its own temp data folder, and the verbs the failover tests and
// `npm run bench:standby` use on them: kill, pause, resume, restart on its folder, take over,
// rejoin, probe, and wait until the two are in step.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { HostRoleView } from '../../src/shared/protocol/host-role.ts';
import type { JournalEntry, RaceCommand } from '../../src/shared/race/events.ts';

const root = resolve(import.meta.dirname, '../..');
/** The `massstart` command itself (tsx; about 1.4 s a start once its cache is warm). */
const bin = join(root, 'src/main/cli/bin.mjs');

/** One host of the pair: its folder and port stay, its process comes and goes. */
export interface PairHost {
  /** 'A' or 'B', for messages. */
  readonly name: string;
  readonly dataDir: string;
  /** 0 until its first start; then the same port on every restart (its peer knows it). */
  port: number;
  /** `http://127.0.0.1:PORT` */
  base: string;
  child: ChildProcess | null;
  /** What it printed (stdout and stderr), the last 300 lines. */
  readonly output: string[];
}

/** A JSON reply: status and body. */
export interface JsonReply<T = { ok?: boolean; error?: string; [key: string]: unknown }> {
  readonly status: number;
  readonly json: T;
}

/** What a command's 200 carries (src/main/host/host.ts). */
export interface CommandReply {
  readonly ok?: boolean;
  readonly error?: string;
  readonly revision?: number;
  readonly raceRevision?: number;
  readonly entries?: readonly JournalEntry[];
}

/** Starts `serve` on the host's folder (its port once known) and waits for its API line. */
async function startHost(host: PairHost, args: readonly string[]): Promise<{ tokens: Tokens }> {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--data', host.dataDir, '--port', String(host.port), '--no-osc', ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  host.child = child;
  const keep = (line: string) => {
    host.output.push(line);
    if (host.output.length > 300) host.output.shift();
  };
  createInterface({ input: child.stderr }).on('line', keep);
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('printed no API line in 30 s'), 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`serve ${host.name} ${why}:\n${host.output.join('\n')}`));
    };
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal})`));
    lines.on('line', (line) => {
      keep(line);
      const api =
        /API\s+http:\/\/127\.0\.0\.1:(\d+)\/api\/v1\/\s+control token (\S+)\s+view token (\S+)/.exec(
          line,
        );
      if (!api) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      host.port = Number(api[1]);
      host.base = `http://127.0.0.1:${host.port}`;
      resolve({ tokens: { control: api[2]!, view: api[3]! } });
    });
  });
}

/** The API tokens: the same on both hosts (the standby takes the primary's). */
export interface Tokens {
  readonly control: string;
  readonly view: string;
}

/** Options of a pair. */
export interface PairOptions {
  /** `--commit-bound MS` on both hosts (default: the product's, 300 ms). */
  readonly commitBoundMs?: number;
  /** Start the primary only (`follow()` starts the standby later). */
  readonly alone?: boolean;
}

/** A primary and its standby, which swap roles at each takeover. */
export class StandbyPair {
  private constructor(
    private readonly folder: string,
    readonly tokens: Tokens,
    public primary: PairHost,
    public standby: PairHost,
    private readonly options: PairOptions,
  ) {}

  /** Starts a primary on the demo meeting, then its standby, and waits until they are in step. */
  static async start(options: PairOptions = {}): Promise<StandbyPair> {
    const folder = await mkdtemp(join(tmpdir(), 'massstart-standby-'));
    const host = (name: string): PairHost => ({
      name,
      dataDir: join(folder, name),
      port: 0,
      base: '',
      child: null,
      output: [],
    });
    const a = host('A');
    const b = host('B');
    try {
      const { tokens } = await startHost(a, ['--demo', ...boundArgs(options)]);
      const pair = new StandbyPair(folder, tokens, a, b, options);
      if (!options.alone) await pair.follow();
      return pair;
    } catch (error) {
      for (const h of [a, b]) h.child?.kill('SIGKILL');
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Starts the standby (`serve --standby-of`) on its own folder; waits until it is in step. */
  async follow(): Promise<void> {
    const { primary, standby, tokens } = this;
    // `--primary-token=TOKEN`: a token may begin with "-", which `--primary-token TOKEN` reads
    // as another option (parseArgs: "argument is ambiguous").
    const args = ['--standby-of', primary.base, `--primary-token=${tokens.control}`];
    await startHost(standby, [...args, ...boundArgs(this.options)]);
    await this.waitInStep();
  }

  /** A JSON request with the control token; GET without a body. */
  async call<T = JsonReply['json']>(
    host: PairHost,
    path: string,
    body?: unknown,
    timeoutMs = 5000,
  ): Promise<JsonReply<T>> {
    const response = await fetch(host.base + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${this.tokens.control}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, json: (await response.json()) as T };
  }

  /** GET /api/v1/host. */
  async role(host: PairHost): Promise<HostRoleView> {
    const { status, json } = await this.call<HostRoleView>(host, '/api/v1/host');
    if (status !== 200) throw new Error(`GET /api/v1/host on ${host.name}: ${status}`);
    return json;
  }

  /** POST /api/v1/commands: one race command to the active race. */
  command(
    host: PairHost,
    command: RaceCommand,
    timeoutMs = 5000,
  ): Promise<JsonReply<CommandReply>> {
    return this.call<CommandReply>(host, '/api/v1/commands', command, timeoutMs);
  }

  /** The race's journal as the host has it. */
  async journal(host: PairHost, race: string): Promise<readonly JournalEntry[]> {
    const { status, json } = await this.call<{ entries: JournalEntry[] }>(
      host,
      `/api/v1/races/${race}/journal`,
    );
    if (status !== 200) throw new Error(`journal of ${race} on ${host.name}: ${status}`);
    return json.entries;
  }

  /** POST /api/v1/host/takeover on the standby; the roles swap when it is accepted. */
  async takeOver(force: boolean): Promise<JsonReply> {
    const reply = await this.call(this.standby, '/api/v1/host/takeover', { force });
    if (reply.status === 200) [this.primary, this.standby] = [this.standby, this.primary];
    return reply;
  }

  /** POST /api/v1/host/rejoin: a deposed host follows the new primary. */
  rejoin(host: PairHost): Promise<JsonReply> {
    return this.call(host, '/api/v1/host/rejoin', {});
  }

  /** SIGKILL: resolves once the process is gone. */
  async kill(host: PairHost): Promise<void> {
    const child = host.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  /** SIGSTOP: the process holds still (its sockets stay open, nothing is answered). */
  pause(host: PairHost): void {
    host.child?.kill('SIGSTOP');
  }

  /** SIGCONT. */
  resume(host: PairHost): void {
    host.child?.kill('SIGCONT');
  }

  /** Starts a killed host again on its folder and port (no --standby-of: as an operator would). */
  async restart(host: PairHost): Promise<void> {
    await startHost(host, boundArgs(this.options));
  }

  /**
   * Waits until the standby follows the primary with everything on disk: the primary names it
   * as its peer and is not "standby behind", and the two state hashes and positions are equal.
   */
  async waitInStep(timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < until) {
      const [primary, standby] = await Promise.all([
        this.role(this.primary),
        this.role(this.standby),
      ]);
      const why = notInStep(primary, standby, this.standby.base);
      if (why === null) return;
      last = why;
      await sleep(25);
    }
    throw new Error(`${this.primary.name} and ${this.standby.name} not in step: ${last}`);
  }

  /** Kills both hosts and removes their folders. */
  async close(): Promise<void> {
    for (const host of [this.primary, this.standby]) {
      host.child?.kill('SIGCONT');
      await this.kill(host);
    }
    await rm(this.folder, { recursive: true, force: true });
  }
}

const boundArgs = ({ commitBoundMs }: PairOptions): string[] =>
  commitBoundMs === undefined ? [] : ['--commit-bound', String(commitBoundMs)];

/** Why a primary and a standby are not in step (null: they are). */
export function notInStep(
  primary: HostRoleView,
  standby: HostRoleView,
  standbyBase: string,
): string | null {
  if (primary.role !== 'primary') return `the primary's role is ${primary.role}`;
  if (standby.role !== 'standby' || standby.deposed)
    return `the standby's role is ${standby.role}${standby.deposed ? ' (deposed)' : ''}`;
  if (primary.peer !== standbyBase) return `the primary's peer is ${primary.peer}`;
  if (primary.standbyBehind) return 'the primary says "standby behind"';
  if (primary.stateHash !== standby.stateHash)
    return `state hashes differ (positions ${JSON.stringify(primary.position)} and ${JSON.stringify(standby.position)})`;
  return null;
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
