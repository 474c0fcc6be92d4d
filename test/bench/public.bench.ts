/**
 * Public feed benchmark (issue 13): `npm run bench:public`. The real host in a child process
 * (the demo meeting, a rehearsal race running so the feed changes), Debian's nginx in front with
 * resources/deploy/nginx.conf (installed by this bench when missing), and an audience of
 * 2,000 and 10,000 concurrent pollers of /public/v1/live.json from autocannon, all on loopback.
 * Prints requests/s served, latency p99, the origin's request rate (target: about one per
 * second per URL whatever the audience) and the host's CPU; then the same audience straight at
 * the host, for the ratio. Always exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { nginxBinary, startNginx } from '../support/nginx.ts';
import { startChild } from './host-bench-child.ts';
import { ms, num, progress, table, verdict, type Row } from './host-bench-common.ts';

const SECONDS = 10;
const LIVE = '/public/v1/live.json';

interface HostStats {
  readonly type: 'stats';
  readonly seconds: number;
  readonly cpuMs: number;
  readonly requests: Record<string, number>;
  readonly revision: number;
}

if (!existsSync(nginxBinary)) {
  progress('installing Debian nginx-light');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) =>
    spawnSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), { stdio: 'ignore' });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'nginx-light']);
  run(['service', 'nginx', 'stop']);
  if (!existsSync(nginxBinary)) {
    console.log('bench:public: nginx could not be installed; nothing measured');
    process.exit(0);
  }
}

console.log('Public feed benchmark (npm run bench:public)');
console.log(
  `date ${new Date().toISOString()}; node ${process.version}; cpu ${os.cpus()[0]?.model.trim()} x ${os.cpus().length}; load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`,
);

const host = startChild<{ type: string; port?: number }>('public-bench-host.ts', []);
const ready = await host.message('ready', 60_000);
const nginx = await startNginx(ready.port!);
const rows: Row[] = [];

async function audience(label: string, base: string, connections: number): Promise<void> {
  progress(`${label}: ${num(connections)} pollers for ${SECONDS} s`);
  host.send({ type: 'measure' });
  await host.message('measuring', 10_000);
  const result = await autocannon({
    url: `${base}${LIVE}`,
    connections,
    duration: SECONDS,
    pipelining: 1,
  });
  host.send({ type: 'stats' });
  const stats = (await host.message('stats', 10_000)) as unknown as HostStats;
  const origin = (stats.requests[LIVE] ?? 0) / stats.seconds;
  const ok = result.requests.total - result.non2xx;
  rows.push(
    [`${label}, ${num(connections)} pollers: 2xx answers/s`, num(ok / result.duration), '', ''],
    [`  latency p50 / p99`, `${ms(result.latency.p50, 0)} / ${ms(result.latency.p99, 0)}`, '', ''],
    [
      `  answered 2xx / errors / timeouts`,
      `${num(ok)} / ${num(result.errors)} / ${num(result.timeouts)}`,
      '',
      '',
    ],
    [
      `  origin requests/s for live.json`,
      origin.toFixed(2),
      label.startsWith('nginx') ? 'about 1 /s' : '',
      label.startsWith('nginx') ? verdict(origin <= 2) : '',
    ],
    [
      `  host CPU (of one core)`,
      `${((stats.cpuMs / (stats.seconds * 1000)) * 100).toFixed(0)} %`,
      '',
      '',
    ],
  );
}

try {
  await audience('nginx', nginx.url, 2_000);
  await audience('nginx', nginx.url, 10_000);
  await audience('host direct', `http://127.0.0.1:${ready.port}`, 2_000);
} finally {
  await nginx.stop();
  host.send({ type: 'close' });
  await host.exited(15_000);
}
console.log('');
console.log(table(['figure', 'value', 'target', 'result'], rows));
process.exit(0);
