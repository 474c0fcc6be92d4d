/**
 * Child process of `npm run bench:host`, part 1: a real race host and control API server on
 * 127.0.0.1 with a temp data dir (fsync as always), the bench semi set up. Times where a
 * command's time goes on the host side (journal write, fsync, the rest of intake, the fan-out
 * to the views) and answers `stats` / `close` requests from the parent over IPC.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { RaceHost } from '../../src/main/host/host.ts';
import { loadOrCreateTokens } from '../../src/main/host/tokens.ts';
import { startServer } from '../../src/main/server/http-api.ts';
import { HostSession } from '../../src/main/host/session.ts';
import { raceView } from '../../src/shared/race/view.ts';
import {
  benchRaceSetUp,
  benchSemi,
  summarize,
  tempDataDir,
  type Summary,
} from './host-bench-common.ts';
import { tellParent } from './host-bench-child.ts';

export interface ServerReady {
  readonly type: 'ready';
  readonly port: number;
  readonly view: string;
  readonly control: string;
  readonly revision: number;
  readonly stateBytes: number;
  readonly journalPath: string;
}

export interface ServerStats {
  readonly type: 'stats';
  /** submit() called until the host announces the change (queue wait + decide + write + fsync + commit). */
  readonly intake: Summary;
  readonly appendFile: Summary;
  readonly datasync: Summary;
  /** FanOut listener: snapshot + JSON.stringify once + one send per socket. */
  readonly fanOut: Summary;
  readonly stateBytes: number;
  /** One snapshot() + JSON.stringify of the state message (race view cached), median. */
  readonly serializeMs: number;
  /** One raceView() (standings) of the bench race, median. */
  readonly deriveMs: number;
  readonly followers: number;
  readonly journalEntries: number;
  readonly heapUsed: number;
  /** CPU time of this process (user + system) since `measure`, in ms. */
  readonly cpuMs: number;
}

// Time the journal's two awaits by wrapping the FileHandle prototype (bench process only).
const timings = {
  intake: [] as number[],
  appendFile: [] as number[],
  datasync: [] as number[],
  fanOut: [] as number[],
};
let measuring = false;
let cpuStart = process.cpuUsage();
const { dir, remove } = await tempDataDir('ws');
{
  const probe = await open(join(dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as Record<
    'appendFile' | 'datasync',
    (...args: unknown[]) => Promise<unknown>
  >;
  await probe.close();
  for (const name of ['appendFile', 'datasync'] as const) {
    const original = proto[name];
    proto[name] = async function timed(this: unknown, ...args: unknown[]) {
      const start = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        if (measuring) timings[name].push(performance.now() - start);
      }
    };
  }
}

const host = await RaceHost.open({ dataDir: dir });
const tokens = await loadOrCreateTokens(dir);
const added = await host.programCommand(benchSemi, 'bench');
if (!added.ok || !added.raceId) throw new Error(`race/added refused: ${JSON.stringify(added)}`);
const raceId = added.raceId;
for (const command of benchRaceSetUp()) {
  const result = await host.submit({ kind: 'single', command }, 'bench', raceId);
  if (!result.ok) throw new Error(`set-up refused: ${result.error}`);
}

// Instrumentation: submit start times in FIFO order (one race, submissions are serialized); a
// listener before the hub's marks the announce, one after it marks the end of the fan-out.
const starts: number[] = [];
const submit = host.submit.bind(host);
host.submit = (request, source, race) => {
  if (measuring) starts.push(performance.now());
  return submit(request, source, race);
};
let announcedAt = 0;
host.subscribe(() => {
  announcedAt = performance.now();
  const start = starts.shift();
  if (measuring && start !== undefined) timings.intake.push(announcedAt - start);
});
// `--full-pushes`: the views connect with protocol 1 (every push the whole state, as before
// issue 13), for the same-run comparison; the host is the same.
const session = new HostSession(host, () => undefined);
const server = await startServer({ host, tokens, port: 0, address: '127.0.0.1', session });
host.subscribe(() => {
  if (measuring) timings.fanOut.push(performance.now() - announcedAt);
});

const stateBytes = (): number =>
  Buffer.byteLength(JSON.stringify({ type: 'state', ...host.snapshot() }));
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
function medianOf(runs: number, task: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  return summarize(times).p50;
}
const journalPath = join(dir, 'races', `${raceId}.jsonl`);
let followers = 0;

process.on('message', (raw) => {
  const message = raw as { type: string; followers?: number };
  if (message.type === 'measure') {
    for (const list of Object.values(timings)) list.length = 0;
    starts.length = 0;
    measuring = true;
    cpuStart = process.cpuUsage();
    followers = message.followers ?? 0;
    void tellParent({ type: 'measuring' });
  } else if (message.type === 'stats') {
    measuring = false;
    const cpuMs = cpuMsSince(cpuStart);
    const stats: ServerStats = {
      type: 'stats',
      intake: summarize(timings.intake),
      appendFile: summarize(timings.appendFile),
      datasync: summarize(timings.datasync),
      fanOut: summarize(timings.fanOut),
      stateBytes: stateBytes(),
      serializeMs: medianOf(300, () => JSON.stringify({ type: 'state', ...host.snapshot() })),
      deriveMs: medianOf(300, () => raceView(raceId, host.revision, host.race(raceId)!.state)),
      followers,
      journalEntries: host.journal(raceId)?.entries.length ?? 0,
      heapUsed: process.memoryUsage().heapUsed,
      cpuMs,
    };
    void tellParent(stats);
  } else if (message.type === 'close') {
    void shutDown(0);
  }
});
process.on('disconnect', () => void shutDown(1));

let closing = false;
async function shutDown(code: number): Promise<void> {
  if (closing) return;
  closing = true;
  const force = setTimeout(() => process.exit(code), 10_000);
  force.unref();
  try {
    await server.close();
    session.close();
    await host.close();
  } finally {
    await remove();
    if (process.connected) await tellParent({ type: 'closed' });
    process.exit(code);
  }
}

const ready: ServerReady = {
  type: 'ready',
  port: server.port,
  view: tokens.view,
  control: tokens.control,
  revision: host.revision,
  stateBytes: stateBytes(),
  journalPath,
};
await tellParent(ready);
