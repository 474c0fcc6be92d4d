/**
 * Part 1 of `npm run bench:host`: command to state push latency over WebSocket with 100 views,
 * then sustained throughput with pipelined commands. The host and server run in a child process
 * (host-bench-ws-server.ts); the views and the control client run here (host-bench-ws-clients.ts).
 */
import { startChild } from './host-bench-child.ts';
import {
  bytes,
  ms,
  num,
  progress,
  summarize,
  verdict,
  type Row,
  type Summary,
} from './host-bench-common.ts';
import { Fleet, type Sample } from './host-bench-ws-clients.ts';
import type { ServerReady, ServerStats } from './host-bench-ws-server.ts';

const VIEWS = 100;
const WARMUP = 300;
const MEASURED = 2_000;
const THROUGHPUT_SECONDS = 10;
const IN_FLIGHT = 8;
const TARGET_P99_MS = 16;
const COMMAND_TIMEOUT_MS = 5_000;

const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const pct = (share: number): string => `${(share * 100).toFixed(0)} %`;

export interface WsPartResult {
  readonly rows: Row[];
  readonly info: [string, string][];
  /** Command -> all views. */
  readonly all: Summary;
  /** Bytes each view received per update: the command cycle, and a one-field change. */
  readonly bytesPerUpdate: number;
  readonly oneFieldBytes: number;
}

/** How many one-field changes (an overlay element cut in and out) are sent for their size. */
const ONE_FIELD = 200;

/** `full`: the host sends the whole state with every push (before issue 13), for comparison. */
export async function runWsPart(mode: 'patches' | 'full' = 'patches'): Promise<WsPartResult> {
  const profile = process.env.HOST_BENCH_PROF;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const server = startChild<{ type: string }>(
    'host-bench-ws-server.ts',
    mode === 'full' ? ['--full-pushes'] : [],
    flags,
  );
  let fleet: Fleet | null = null;
  const stats = async (): Promise<ServerStats> => {
    server.send({ type: 'stats' });
    return (await server.message('stats', 10_000)) as ServerStats;
  };
  const measure = async (): Promise<void> => {
    server.send({ type: 'measure', followers: VIEWS + 1 });
    await server.message('measuring', 10_000);
  };
  try {
    const ready = (await server.message('ready', 60_000)) as ServerReady;
    fleet = new Fleet(ready.revision);
    await fleet.open(
      `ws://127.0.0.1:${ready.port}/api/v1/ws?${mode === 'full' ? '' : 'v=2&'}token=`,
      ready.view,
      ready.control,
      VIEWS,
    );
    progress(
      `ws: ${VIEWS} views + 1 control on 127.0.0.1:${ready.port}; push ${bytes(ready.stateBytes)}`,
    );

    for (let i = 0; i < WARMUP; i++) await fleet.one(COMMAND_TIMEOUT_MS);
    await measure();
    const samples: Sample[] = [];
    const bytesAtStart = fleet.viewBytes();
    const latencyStart = performance.now();
    let cpu = process.cpuUsage();
    for (let i = 0; i < MEASURED; i++) {
      samples.push(await fleet.one(COMMAND_TIMEOUT_MS));
      if ((i + 1) % 500 === 0) progress(`ws latency: ${i + 1}/${MEASURED} commands`);
    }
    const latencySeconds = (performance.now() - latencyStart) / 1000;
    const bytesPerUpdate = (fleet.viewBytes() - bytesAtStart) / MEASURED / VIEWS;
    // A one-field change: the sprint element of the overlay cut in, then out.
    const oneFieldStart = fleet.viewBytes();
    for (let i = 0; i < ONE_FIELD; i++)
      await fleet.one(COMMAND_TIMEOUT_MS, {
        type: 'program',
        command: { type: 'overlay/toggled', element: 'sprint', visible: i % 2 === 1 },
      });
    const oneFieldBytes = (fleet.viewBytes() - oneFieldStart) / ONE_FIELD / VIEWS;
    const latencyClientCpu = cpuMs(cpu);
    const latency = await stats();

    progress(`ws sustained: ${IN_FLIGHT} commands in flight for ${THROUGHPUT_SECONDS} s`);
    await measure();
    const pushesBefore = fleet.views.map((v) => v.pushes);
    const bytesBefore = fleet.views.reduce((sum, v) => sum + v.bytes, 0);
    cpu = process.cpuUsage();
    const run = await fleet.sustain(THROUGHPUT_SECONDS, IN_FLIGHT);
    const sustainedClientCpu = cpuMs(cpu);
    const sustained = await stats();
    const drain = await fleet.drain(10_000);
    const pushes = fleet.views.map((v, i) => v.pushes - pushesBefore[i]!);
    const viewBytes = fleet.views.reduce((sum, v) => sum + v.bytes, 0) - bytesBefore;

    const all = summarize(samples.map((s) => s.all));
    const first = summarize(samples.map((s) => s.first));
    const ack = summarize(samples.map((s) => s.ack));
    const pair = (s: Summary, digits = 2): string => `${ms(s.p50, digits)} / ${ms(s.p99, digits)}`;
    const allViews = `command -> state at ALL ${VIEWS} views`;
    const rows: Row[] = [
      [`1. ${allViews}, p50`, ms(all.p50), '', ''],
      [`1. ${allViews}, p95`, ms(all.p95), '', ''],
      [
        `1. ${allViews}, p99`,
        ms(all.p99),
        `< ${TARGET_P99_MS} ms`,
        verdict(all.p99 < TARGET_P99_MS),
      ],
      [`1. ${allViews}, max`, ms(all.max), '', ''],
      ['1. command -> state at FIRST view, p50 / p99', pair(first), '', ''],
      ['1. command -> ack at control, p50 / p99', pair(ack), '', ''],
      [
        `1. sustained commands/s acked (${IN_FLIGHT} in flight)`,
        num(run.accepted / run.seconds),
        '',
        '',
      ],
      [
        '1. sustained state pushes per view, min / median',
        `${num(Math.min(...pushes))} / ${num(summarize(pushes).p50)} of ${num(run.accepted)}`,
        '',
        '',
      ],
    ];
    const info: [string, string][] = [
      [
        'latency run',
        `${MEASURED} after ${WARMUP} warm-up, ${num(MEASURED / latencySeconds)}/s one at a time`,
      ],
      [
        'state push size / followers',
        `${bytes(latency.stateBytes)} / ${latency.followers} sockets`,
      ],
      ['host: intake (decide+append+fsync+commit), p50 / p99', pair(latency.intake, 3)],
      ['host:   of which appendFile (write), p50 / p99', pair(latency.appendFile, 3)],
      ['host:   of which datasync (fsync), p50 / p99', pair(latency.datasync, 3)],
      ['host: fan-out (snapshot+JSON+101 sends), p50 / p99', pair(latency.fanOut, 3)],
      ['host:   of which race view (standings), once', ms(latency.deriveMs, 3)],
      ['host:   of which snapshot + JSON.stringify, once', ms(latency.serializeMs, 3)],
      [
        'CPU per command, server / clients (latency run)',
        `${ms(latency.cpuMs / MEASURED, 3)} / ${ms(latencyClientCpu / MEASURED, 3)}`,
      ],
      [
        'CPU per command, server / clients (sustained)',
        `${ms(sustained.cpuMs / run.accepted, 3)} / ${ms(sustainedClientCpu / run.accepted, 3)}`,
      ],
      [
        'CPU busy, server / clients (sustained, of 1 core)',
        `${pct(sustained.cpuMs / (run.seconds * 1000))} / ${pct(sustainedClientCpu / (run.seconds * 1000))}`,
      ],
      [
        'sustained: acked / refused',
        `${num(run.accepted)} / ${num(run.refused)} in ${run.seconds.toFixed(1)} s`,
      ],
      ['sustained: host intake incl. queue wait, p50 / p99', pair(sustained.intake, 3)],
      [
        'sustained: datasync p50 / fan-out p50',
        `${ms(sustained.datasync.p50, 3)} / ${ms(sustained.fanOut.p50, 3)}`,
      ],
      ['sustained: pushes per view, max', num(Math.max(...pushes))],
      [
        'sustained: bytes received by all views',
        `${bytes(viewBytes)} (${bytes(viewBytes / run.seconds)}/s)`,
      ],
      [
        'sustained: views at last revision after drain',
        `${drain.caughtUp}/${VIEWS} after ${drain.ms.toFixed(0)} ms`,
      ],
      [
        'unexpected error messages',
        fleet.unexpected.length ? `${fleet.unexpected.length}: ${fleet.unexpected[0]}` : '0',
      ],
      [
        'server heap after the run / journal entries',
        `${bytes(sustained.heapUsed)} / ${num(sustained.journalEntries)}`,
      ],
    ];
    info.unshift(
      [
        'pushes',
        mode === 'full' ? 'the full state every time' : 'a JSON patch after the first state',
      ],
      [
        'bytes per view per update: command cycle / one-field change',
        `${num(bytesPerUpdate)} B / ${num(oneFieldBytes)} B`,
      ],
    );
    return { rows, info, all, bytesPerUpdate, oneFieldBytes };
  } finally {
    fleet?.close();
    server.send({ type: 'close' });
    await server.exited(15_000);
  }
}
