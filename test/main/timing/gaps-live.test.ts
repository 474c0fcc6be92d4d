// The groups and gaps end to end (issue 21): a race with known groups played by the decoder
// simulator (a real P3 TCP server on 127.0.0.1) at 100x into a real host with timing and auto
// laps, followed by a view on a v2 WebSocket. At each leader lap, once the lap's crossings are
// in, the groups and gaps the view holds are the race's truth (src/shared/timing/breakaway-race.ts).
import { describe, expect, it } from 'vitest';
import { breakawayRace } from '../../../src/shared/timing/breakaway-race.ts';
import type { GapGroup } from '../../../src/shared/timing/groups.ts';
import { playThroughHost } from './breakaway-host.ts';

/** Helmets and gap of each group; two gaps match within 0.01 s. */
function expectGroups(
  got: readonly GapGroup[],
  truth: readonly { helmets: readonly number[]; behindLeaderSeconds: number }[],
  what: string,
): void {
  expect(
    got.map((group) => group.helmets),
    what,
  ).toEqual(truth.map((group) => group.helmets));
  got.forEach((group, i) =>
    expect(
      Math.abs(group.behindLeaderSeconds - truth[i]!.behindLeaderSeconds),
      `${what}, group ${i + 1}`,
    ).toBeLessThanOrEqual(0.010_001),
  );
}

describe('groups and gaps live from the decoder simulator', () => {
  it('shows the truth of a breakaway race at every lap, on a v2 WebSocket view', async () => {
    // #9 and #3 away from lap 6, #5 and #10 chasing for laps 7-10, caught at lap 12; #14 drops
    // off after lap 3 and is lapped at lap 12. Double reads mixed in.
    const race = breakawayRace({
      seed: 32,
      skaters: 16,
      noise: { doubleReads: 6, missedReads: 0 },
    });
    expect(race.story).toMatchObject({
      away: [9, 3],
      awayFromLap: 6,
      caughtAtLap: 12,
      chase: [5, 10],
      chaseLaps: { from: 7, to: 10 },
      straggler: 14,
      lappedAtLap: 12,
    });
    const { lapsIn, final } = await playThroughHost(race, 100);
    let live = 0;
    race.truth.forEach((lap, i) => {
      const gaps = lapsIn[i]!;
      expectGroups(gaps.laps[i]!.groups, lap.groups, `lap ${lap.lap}`);
      expect(gaps.laps[i]!.leader).toBe(lap.leader);
      const away = gaps.laps[i]!.breakaway;
      expect(away && [away.helmets, away.leadSeconds]).toEqual(
        lap.breakaway && [lap.breakaway.helmets, lap.breakaway.leadSeconds],
      );
      // Live, when the host published the lap before the next one began (the lap's last and the
      // next one's first crossing can reach it in one read at this speed): the same groups, but
      // for a skater first lapped at this crossing, still shown on his lap before.
      if (gaps.leaderLaps !== lap.lap) return;
      live += 1;
      const firstLapped = lap.lapped.filter((bib) => !race.truth[i - 1]?.lapped.includes(bib));
      const shown = gaps.groups.filter((g) => !g.helmets.every((bib) => firstLapped.includes(bib)));
      expectGroups(shown, lap.groups, `lap ${lap.lap}, live`);
      expect(gaps.breakaway?.helmets ?? null).toEqual(lap.breakaway?.helmets ?? null);
    });
    expect(live).toBeGreaterThanOrEqual(12);
    expect(final.skaters.at(-1)).toMatchObject({ bib: race.story.straggler, lapsBehind: 1 });
    expect(final.leaderLaps).toBe(16);
  });
});
