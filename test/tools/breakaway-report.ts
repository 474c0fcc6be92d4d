// The groups and gaps a host showed for a race with a breakaway, lap by lap, against the truth
// (issue 21's closing note): `npm run report:breakaway [-- --seed 32 --skaters 16 --speed 100]`.
// One seeded race with known groups (src/shared/timing/breakaway-race.ts) is played by the decoder
// simulator on 127.0.0.1 into a real host with timing and auto laps; a view on a v2 WebSocket
// follows the `gaps` value (test/main/timing/breakaway-host.ts, as gaps-live.test.ts does). For
// each lap: the groups the view held once the lap's crossings were in (the lap's groups, and the
// live groups when the host published them before the next lap began), and the simulator's truth.
// A report, not a test: it prints a table and exits 0.
import { parseArgs } from 'node:util';
import { groupsText, storyLine } from '../../src/main/cli/simulate-decoder.ts';
import { breakawayRace, type TrueGroup } from '../../src/shared/timing/breakaway-race.ts';
import type { GapGroup } from '../../src/shared/timing/groups.ts';
import { playThroughHost } from '../main/timing/breakaway-host.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '32' },
    skaters: { type: 'string', default: '16' },
    speed: { type: 'string', default: '100' },
  },
});
const seed = Number(values.seed);
const skaters = Number(values.skaters);
const speed = Number(values.speed);

/** Same helmets in the same order, every gap within 0.01 s. */
function same(host: readonly GapGroup[], truth: readonly TrueGroup[]): boolean {
  return (
    host.length === truth.length &&
    host.every(
      (group, i) =>
        group.helmets.join() === truth[i]!.helmets.join() &&
        Math.abs(group.behindLeaderSeconds - truth[i]!.behindLeaderSeconds) <= 0.010_001,
    )
  );
}

/** A left-aligned table. */
function table(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

const race = breakawayRace({ seed, skaters, noise: { doubleReads: 6, missedReads: 0 } });
const { truth } = race;
console.log('Breakaway report (npm run report:breakaway)');
console.log(
  `${race.race.title}: ${skaters} skaters, ${race.race.passings.length} passings (6 double reads), played at ${speed}x`,
);
console.log(storyLine(race));
console.log(
  'host: the groups a view on a v2 WebSocket held once the lap was in (decoder simulator -> P3 -> real host -> `gaps`)',
);
console.log('live: whether the live groups then equalled the truth ("-": the next lap had begun)');
console.log('');

const started = performance.now();
const { lapsIn, held } = await playThroughHost(race, speed);
const playedMs = performance.now() - started;
let matching = 0;
let liveMatching = 0;
let liveShown = 0;
const rows = truth.map((lap, i) => {
  const gaps = lapsIn[i]!;
  const shown = gaps.laps[i]!;
  const ok = same(shown.groups, lap.groups) && shown.leader === lap.leader;
  if (ok) matching += 1;
  let live = '-';
  if (gaps.leaderLaps === lap.lap) {
    liveShown += 1;
    // A skater first lapped at this lap's crossing is still shown on his lap before, live.
    const firstLapped = lap.lapped.filter((bib) => !truth[i - 1]?.lapped.includes(bib));
    const groups = gaps.groups.filter((g) => !g.helmets.every((bib) => firstLapped.includes(bib)));
    live = same(groups, lap.groups) ? 'same' : 'DIFF';
    if (live === 'same') liveMatching += 1;
  }
  const away = shown.breakaway;
  return [
    String(lap.lap).padStart(3),
    `#${shown.leader}`,
    groupsText(shown.groups),
    groupsText(lap.groups),
    away
      ? `+${away.leadSeconds.toFixed(2)}${away.changeSeconds === null ? '' : ` (${away.changeSeconds >= 0 ? '+' : ''}${away.changeSeconds.toFixed(2)})`}`
      : '-',
    lap.breakaway ? `+${lap.breakaway.leadSeconds.toFixed(2)}` : '-',
    ok ? 'same' : 'DIFF',
    live,
  ];
});
console.log(
  table(
    [
      'lap',
      'leader',
      'host: groups and gaps behind the leader (s)',
      'truth (simulator)',
      'break host (change)',
      'break truth',
      'lap',
      'live',
    ],
    rows,
  ),
);
console.log('');
console.log(
  `laps the host showed as the truth: ${matching}/${truth.length}; live groups compared ${liveShown}, the truth in ${liveMatching}`,
);
console.log(
  `${held.length} gaps values held by the view; the race took ${(playedMs / 1000).toFixed(1)} s at ${speed}x`,
);
process.exit(0);
