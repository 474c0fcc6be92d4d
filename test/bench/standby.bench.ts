/**
 * Hot standby benchmark (issue 20): `npm run bench:standby` (tsx test/bench/standby.bench.ts).
 * Two `massstart serve` processes on 127.0.0.1, each on its own temp data folder (fsync as
 * always).
 *
 * 0. The disk's own append + fdatasync p50/p99 on the folder the hosts keep their data in.
 * 1. Failover over STANDBY_BENCH_KILLS (default 50) SIGKILLs of the primary at random points
 *    while an operator streams commands: kill -> takeover accepted -> the first state of the new
 *    primary at a board's socket on the standby (p50/p95/max); every 10th takeover waits for the
 *    1.5 s silence instead of forcing. Lines lost (acknowledged, then missing from the new
 *    primary's journal) and state hash mismatches after the rejoin must be 0. (-failover.ts)
 * 2. Command -> all 20 views p50/p99 with the primary alone and with a standby in step, in the
 *    same run; then with the standby SIGSTOPped (bounded by the commit bound). (-views.ts)
 *
 * Prints a table with targets and PASS / MISS; always exits 0 (a MISS is printed, not thrown).
 */
import os from 'node:os';
import { defaultCommitBoundMs } from '../../src/shared/protocol/host-role.ts';
import {
  ms,
  num,
  progress,
  quantile,
  summarize,
  table,
  verdict,
  type Row,
  type Summary,
} from './host-bench-common.ts';
import { measureDisk } from './host-bench-disk.ts';
import { runFailover } from './standby-bench-failover.ts';
import { runViews, VIEWS } from './standby-bench-views.ts';

const KILLS = Number(process.env.STANDBY_BENCH_KILLS ?? 50);
const UNFORCED_EVERY = 10;
const TARGET_BOARD_MS = 2000;
const started = performance.now();
const rows: Row[] = [];
const info: [string, string][] = [];
const failed = (part: string, error: unknown): void => {
  const message = error instanceof Error ? error.message : String(error);
  rows.push([`${part}: did not complete`, message.slice(0, 80), '', 'MISS']);
  process.stderr.write(`${part} failed: ${error instanceof Error ? error.stack : message}\n`);
};
const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const spread = (s: Summary): string => `${ms(s.p50, 0)} / ${ms(s.p95, 0)} / ${ms(s.max, 0)}`;
const p50p99 = (s: { p50: number; p99: number }): string => `${ms(s.p50)} / ${ms(s.p99)}`;

console.log('Hot standby benchmark (npm run bench:standby)');
console.log(
  `date ${new Date().toISOString()}; node ${process.version}; cpu ${os.cpus()[0]?.model.trim()} x ${os.cpus().length}; data in ${os.tmpdir()}`,
);
console.log(`load average (1/5/15 min) at the start: ${load()}`);
console.log('');

// 0. The disk
progress('part 0: the disk (append + fdatasync)');
let disk: { p50: number; p99: number } | null = null;
try {
  disk = await measureDisk('standby-disk');
  rows.push(['0. disk: append + fdatasync p50 / p99', p50p99(disk), '', '']);
} catch (error) {
  failed('0. Disk', error);
}

// 1. Failover
progress(`part 1: ${KILLS} SIGKILLs of the primary, takeover, restart, rejoin`);
try {
  const f = await runFailover(KILLS, UNFORCED_EVERY);
  const board = summarize(f.toBoard);
  const takeoverToBoard = summarize(f.takeoverToBoard);
  rows.push(
    [
      `1. kill -> takeover accepted (force), p50 / p95 / max, ${f.toTakeover.length} kills`,
      spread(summarize(f.toTakeover)),
      '',
      '',
    ],
    [
      '1. takeover accepted -> board (< 0: the push beat the answer)',
      spread(takeoverToBoard),
      `< ${TARGET_BOARD_MS} ms`,
      verdict(takeoverToBoard.max < TARGET_BOARD_MS),
    ],
    ['1. failover: kill -> new primary state at a board', spread(board), '', ''],
    [
      `1. without force (1.5 s silence): kill -> board, ${f.unforcedToBoard.length} kills`,
      spread(summarize(f.unforcedToBoard)),
      '',
      '',
    ],
    [
      `1. lines lost (acknowledged, not in the new primary), of ${num(f.acked)}`,
      num(f.lost.length),
      '0',
      verdict(f.lost.length === 0),
    ],
    [
      '1. state hash mismatches after rejoin',
      num(f.hashMismatches),
      '0',
      verdict(f.hashMismatches === 0),
    ],
    [
      '1. accepted by a restarted old primary before rejoin',
      `${num(f.acceptedWhileDeposed)} of ${num(f.sentWhileDeposed)}`,
      '0',
      verdict(f.acceptedWhileDeposed === 0),
    ],
  );
  const refused = [...f.refusedByStatus].map(([status, count]) => `${status}: ${count}`);
  info.push(
    ['kills completed', `${f.kills} of ${KILLS} (every ${UNFORCED_EVERY}th without force)`],
    [
      'commands acknowledged / not (by status; 0: no answer)',
      `${num(f.acked)} / ${refused.join(', ') || 'none'}`,
    ],
    [
      'restart of the old primary on its folder, p50 / max',
      `${ms(quantile(f.restartMs, 0.5), 0)} / ${ms(Math.max(...f.restartMs), 0)}`,
    ],
    [
      'rejoin -> in step (hashes equal), p50 / max',
      `${ms(quantile(f.rejoinToInStepMs, 0.5), 0)} / ${ms(Math.max(...f.rejoinToInStepMs), 0)}`,
    ],
    ['cycles where the primary said "standby behind" while streaming', num(f.behindCycles)],
    ['journals set aside in DATA/diverged/ at rejoins', num(f.divergedFiles)],
  );
  if (f.lost.length > 0) info.push(['first line lost', JSON.stringify(f.lost[0])]);
} catch (error) {
  failed('1. Failover', error);
}

// 2. What the standby adds to command -> views
progress(`part 2: command -> all ${VIEWS} views, alone / with a standby / standby paused`);
try {
  const v = await runViews();
  const added = v.withStandby.p99 - v.alone.p99;
  const bound = defaultCommitBoundMs;
  rows.push(
    [`2. command -> all ${VIEWS} views p50 / p99, primary alone`, p50p99(v.alone), '', ''],
    [`2. command -> all ${VIEWS} views p50 / p99, standby in step`, p50p99(v.withStandby), '', ''],
    [
      '2. what the standby adds to p99' + (disk ? ' (disk p99 for scale)' : ''),
      `+${ms(added)}${disk ? ` (${ms(disk.p99)})` : ''}`,
      '',
      '',
    ],
    [
      '2. standby SIGSTOPped: command -> ack p50 / p99 / max',
      `${ms(v.pausedAck.p50)} / ${ms(v.pausedAck.p99)} / ${ms(v.pausedAck.max)}`,
      `< 1000 ms (bound ${bound} ms + fence probe)`,
      verdict(v.pausedAck.max < 1000),
    ],
  );
  info.push(
    ['standby SIGSTOPped: command -> all views p50 / p99', p50p99(v.pausedAll)],
    ['primary said "standby behind" while it was paused', v.saidBehind ? 'yes' : 'NO'],
    ['standby resumed -> in step again', ms(v.caughtUpMs, 0)],
  );
} catch (error) {
  failed('2. Views', error);
}

console.log(table(['figure', 'value', 'target', 'result'], rows));
console.log('');
console.log(table(['details', 'value'], info));
const misses = rows.filter((row) => row[3] === 'MISS').length;
console.log('');
console.log(`load average at the end: ${load()}`);
console.log(
  `${misses === 0 ? 'all targets met' : `${misses} MISS`}; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(0);
