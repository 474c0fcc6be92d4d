/**
 * Child process of `npm run bench:host`, part 3. `build <dir>`: a meeting of 10 races, each a
 * complete realistic race journal written by a real host (start list of 24, 16 laps, 3 sprints
 * with re-placings, statuses, lap slips undone and redone, finish order in parts, times,
 * confirmation). `open <dir>`: times RaceHost.open on it, first open in this fresh process and
 * then the median of 10, with where the time goes (read, JSON, schema, fold).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RaceHost } from '../../src/main/host/host.ts';
import { journalEntrySchema, type RaceCommand } from '../../src/shared/race/events.ts';
import { foldJournal } from '../../src/shared/race/history.ts';
import { tellParent } from './host-bench-child.ts';
import { SKATERS, startList } from './host-bench-common.ts';
import { seededRandom } from '../support/seeded-random.ts';

const RACES = 10;
const OPENS = 10;

export interface BuildResult {
  readonly type: 'built';
  readonly races: number;
  readonly entries: number[];
  readonly bytes: number;
}

export interface OpenResult {
  readonly type: 'opened';
  readonly firstMs: number;
  readonly opensMs: number[];
  readonly readMs: number;
  readonly jsonMs: number;
  readonly schemaMs: number;
  readonly foldMs: number;
}

/** One race as an operator would run it, from the start list to official results. */
function raceCommands(race: number, random: () => number): RaceCommand[] {
  const pick = <T>(list: readonly T[], n: number): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out.slice(0, n);
  };
  const dns = SKATERS;
  const dnf = SKATERS - 1;
  const racing = Array.from({ length: SKATERS - 2 }, (_, i) => i + 1);
  const out: RaceCommand[] = [{ type: 'startList/set', skaters: startList(race * SKATERS) }];
  for (let bib = 1; bib <= SKATERS; bib += 3)
    out.push({ type: 'skater/edited', bib, transponder: `TX${race}-${bib}` });
  out.push({ type: 'skater/edited', bib: 5, name: 'Skater Five (corrected)' });
  out.push({ type: 'skater/statusChanged', bib: dns, status: 'DNS' });
  out.push({ type: 'race/started' });
  for (let lap = 1; lap <= 16; lap++) {
    out.push({ type: 'lap/completed' });
    if (lap === 3 || lap === 10) out.push({ type: 'lap/completed' }, { type: 'undo' }); // a double tap
    if (lap === 6)
      out.push(
        { type: 'laps/corrected', lapsCompleted: 5 },
        { type: 'undo' },
        { type: 'redo' },
        { type: 'undo' },
      );
    if (lap === 4 || lap === 8 || lap === 12) {
      const sprint = lap / 4;
      out.push({ type: 'sprint/placed', sprint, bibs: pick(racing, 3) });
      if (random() < 0.7) out.push({ type: 'sprint/placed', sprint, bibs: pick(racing, 3) }); // photo check
    }
    if (lap === 7) out.push({ type: 'skater/statusChanged', bib: 20, status: 'LAPPED' });
    if (lap === 9) out.push({ type: 'skater/statusChanged', bib: dnf, status: 'DNF', laps: 9 });
    if (lap === 11) out.push({ type: 'skater/statusChanged', bib: 20, status: 'OK' });
  }
  const order = pick(racing, racing.length);
  for (let i = 0; i < order.length;) {
    const n = 1 + Math.floor(random() * 4);
    out.push({ type: 'finish/appended', bibs: order.slice(i, i + n) });
    i += n;
  }
  let time = 470_000;
  for (const bib of order) {
    time += Math.floor(random() * 900);
    out.push({ type: 'finish/timed', bib, time });
  }
  for (const bib of pick(order, 12))
    out.push({ type: 'finish/timed', bib, time: time + 100 }, { type: 'undo' });
  out.push({ type: 'skater/statusChanged', bib: order[5]!, status: 'DQ' });
  out.push({ type: 'results/confirmed' }, { type: 'results/reopened' });
  out.push({ type: 'finish/timed', bib: order[0]!, time: 470_001 }, { type: 'results/confirmed' });
  return out;
}

async function build(dir: string): Promise<BuildResult> {
  const host = await RaceHost.open({ dataDir: dir });
  const random = seededRandom(20_260_214); // seeded: every run writes the same meeting
  const entries: number[] = [];
  try {
    await host.programCommand({ type: 'meeting/renamed', name: 'Bench meeting' }, 'bench');
    for (let race = 0; race < RACES; race++) {
      const semi = race < 8;
      const category = race % 2 === 0 ? 'Men' : 'Women';
      const title = semi ? `${category} semi ${Math.floor(race / 2) + 1}` : `${category} final`;
      const added = await host.programCommand(
        {
          type: 'race/added',
          title,
          category,
          round: semi ? 'semi' : 'final',
          qualifiers: semi ? 8 : 0,
          format: 'isu-2018',
        },
        'bench',
      );
      if (!added.ok || !added.raceId)
        throw new Error(`race/added refused: ${JSON.stringify(added)}`);
      for (const command of raceCommands(race, random)) {
        const result = await host.submit({ kind: 'single', command }, 'bench', added.raceId);
        if (!result.ok) throw new Error(`race ${race}: ${command.type} refused: ${result.error}`);
      }
      entries.push(host.journal(added.raceId)!.entries.length);
    }
  } finally {
    await host.close();
  }
  const files = await readdir(join(dir, 'races'));
  let bytes = 0;
  for (const file of files) bytes += (await stat(join(dir, 'races', file))).size;
  return { type: 'built', races: RACES, entries, bytes };
}

async function timeOpen(dir: string): Promise<number> {
  const start = performance.now();
  const host = await RaceHost.open({ dataDir: dir });
  const took = performance.now() - start;
  if (host.program().races.length !== RACES) throw new Error('not every race came back');
  await host.close();
  return took;
}

async function openMany(dir: string): Promise<OpenResult> {
  const firstMs = await timeOpen(dir);
  const opensMs: number[] = [];
  for (let i = 0; i < OPENS; i++) opensMs.push(await timeOpen(dir));
  // Where the time goes, step by step, on the same journals (warm: after the opens above).
  const files = (await readdir(join(dir, 'races'))).filter((name) => name.endsWith('.jsonl'));
  let t = performance.now();
  const contents = await Promise.all(files.map((file) => readFile(join(dir, 'races', file))));
  const readMs = performance.now() - t;
  t = performance.now();
  const parsed = contents.map((content) =>
    content
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown),
  );
  const jsonMs = performance.now() - t;
  t = performance.now();
  const journals = parsed.map((lines) => lines.map((line) => journalEntrySchema.parse(line)));
  const schemaMs = performance.now() - t;
  t = performance.now();
  for (const journal of journals) foldJournal(journal);
  const foldMs = performance.now() - t;
  return { type: 'opened', firstMs, opensMs, readMs, jsonMs, schemaMs, foldMs };
}

const [mode, dir] = process.argv.slice(2);
if (!dir || (mode !== 'build' && mode !== 'open'))
  throw new Error('usage: host-bench-startup.ts build|open <dataDir>');
await tellParent(mode === 'build' ? await build(dir) : await openMany(dir));
