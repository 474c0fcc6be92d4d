/**
 * Shared pieces of the race host benchmark (`npm run bench:host`): the bench race, a command
 * cycle that stays valid forever, statistics, table output and temp data dirs (child processes: host-bench-child.ts).
 */
import { raceFormatSchema } from '../../src/shared/race/format.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { RaceCommand, Skater } from '../../src/shared/race/events.ts';

export const SKATERS = 24;
const nations = [
  'NED',
  'USA',
  'ITA',
  'KOR',
  'CAN',
  'BEL',
  'NOR',
  'DEN',
  'CHN',
  'JPN',
  'FRA',
  'GER',
];

/** A 24-skater start list with realistic names and transponders. */
export function startList(offset = 0): Skater[] {
  return Array.from({ length: SKATERS }, (_, i) => ({
    bib: i + 1,
    name: `Skater ${offset + i + 1}`,
    firstName: `First${offset + i + 1}`,
    lastName: `Lastname${offset + i + 1}`,
    nation: nations[(offset + i) % nations.length]!,
    transponder: `TR${String(1000 + offset + i).padStart(5, '0')}`,
  }));
}

/** After `race/added`: start list, race started, four laps, sprint 1 placed (laps completed 4). */
export function benchRaceSetUp(): RaceCommand[] {
  return [
    { type: 'startList/set', skaters: startList() },
    { type: 'race/started' },
    { type: 'lap/completed' },
    { type: 'lap/completed' },
    { type: 'lap/completed' },
    { type: 'lap/completed' },
    { type: 'sprint/placed', sprint: 1, bibs: [3, 7, 11] },
  ];
}

/**
 * Command `i` of a cycle an operator could send forever on the bench race (it starts and ends
 * each round of six at 4 laps completed): a lap, a sprint re-placing (photo check), a skater
 * lapped, the lap count corrected back, the skater back to OK, another re-placing. No undo:
 * a void refolds the whole journal (measured on its own in the memory part).
 */
export function cycleCommand(i: number): RaceCommand {
  const k = Math.floor(i / 6);
  const bib = 1 + (k % 20);
  const podium = (shift: number): number[] => [0, 7, 13].map((d) => 1 + ((k + shift + d) % 20));
  switch (i % 6) {
    case 0:
      return { type: 'lap/completed' };
    case 1:
      return { type: 'sprint/placed', sprint: 1, bibs: podium(0) };
    case 2:
      return { type: 'skater/statusChanged', bib, status: 'LAPPED' };
    case 3:
      return { type: 'laps/corrected', lapsCompleted: 4 };
    case 4:
      return { type: 'skater/statusChanged', bib, status: 'OK' };
    default:
      return { type: 'sprint/placed', sprint: 1, bibs: podium(3) };
  }
}

/** A race format of 1,000 laps and no sprints: every sample of bench:timing is a lap to count. */
export const longRaceFormat = raceFormatSchema.parse({
  name: 'bench',
  laps: 1000,
  sprintLaps: [],
  intermediatePoints: [],
  finalPoints: [60, 40, 20, 10, 6, 3],
});

/** The semi-final the WebSocket and memory parts use. */
export const benchSemi = {
  type: 'race/added',
  title: 'Bench semi',
  category: 'Men',
  round: 'semi',
  qualifiers: 8,
  format: 'isu-2018',
} as const;

// ---------------------------------------------------------------------------------------------
// Statistics and output
// ---------------------------------------------------------------------------------------------

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    count: values.length,
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    p99: quantile(values, 0.99),
    max: values.length ? Math.max(...values) : NaN,
    mean: values.length ? sum / values.length : NaN,
  };
}

export const ms = (value: number, digits = 2): string =>
  Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';
export const num = (value: number, digits = 0): string =>
  Number.isFinite(value)
    ? value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';
export const bytes = (value: number): string =>
  !Number.isFinite(value)
    ? 'n/a'
    : Math.abs(value) >= 1 << 20
      ? `${(value / (1 << 20)).toFixed(1)} MiB`
      : Math.abs(value) >= 1024
        ? `${(value / 1024).toFixed(1)} KiB`
        : `${value.toFixed(0)} B`;

/** A result row: figure, value, target and PASS / MISS (or '' for information). */
export type Row = [figure: string, value: string, target: string, result: string];
export const verdict = (pass: boolean): string => (pass ? 'PASS' : 'MISS');

export function table(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Progress lines go to stderr so the table on stdout stays clean. */
export const progress = (line: string): void => void process.stderr.write(`  .. ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Temp data dirs and child processes
// ---------------------------------------------------------------------------------------------

/** A fresh data dir on the real file system (os.tmpdir()), removed by the returned function. */
export async function tempDataDir(
  label: string,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(os.tmpdir(), `massstart-bench-${label}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
