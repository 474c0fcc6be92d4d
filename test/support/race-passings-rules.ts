// The rules the simulator's passings must satisfy (issue 12), read independently of the converter
// (src/shared/timing/race-passings.ts): shared by its tests of recordings and of generated races.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { JournalEntry } from '../../src/shared/race/events.ts';
import { foldJournal, voidedEntries } from '../../src/shared/race/history.ts';
import type { RaceState } from '../../src/shared/race/state.ts';
import { parseRecording } from '../../src/shared/rehearsal/recording.ts';
import type { SimPassing, SimRace } from '../../src/shared/timing/race-passings.ts';

export const demo = parseRecording(
  readFileSync(
    fileURLToPath(new URL('../../resources/demo/recorded-semi1.jsonl', import.meta.url)),
    'utf8',
  ),
);

/** What the journal says, read independently of the converter: state, gun, leader's laps. */
export function recorded(entries: readonly JournalEntry[]) {
  const voided = voidedEntries(entries);
  const inForce = entries.filter((e) => e.event.type !== 'event/voided' && !voided.has(e.seq));
  const gun = Date.parse(inForce.find((e) => e.event.type === 'race/started')!.at);
  const laps = inForce
    .filter((e) => e.event.type === 'lap/completed')
    .map((e) => Date.parse(e.at) - gun);
  const { state, problems } = foldJournal(entries);
  expect(problems).toEqual([]);
  return { state, laps };
}

export const status = (state: RaceState, bib: number) => state.status[bib] ?? 'OK';
/** Crossings of the loop that complete a lap (no start reads, no noise). */
export const crossings = (sim: SimRace) => sim.passings.filter((p) => p.lap !== null);
export const of = (passings: readonly SimPassing[], bib: number) =>
  passings.filter((p) => p.bib === bib);
/** The first `count` distinct transponders read at or after `fromMs`, noise and all. */
export function firstDistinct(
  passings: readonly SimPassing[],
  fromMs: number,
  count: number,
): number[] {
  const out: number[] = [];
  for (const p of passings)
    if (p.raceMs >= fromMs && !out.includes(p.transponder) && out.length < count)
      out.push(p.transponder);
  return out;
}

/** Every rule the passings must satisfy for a timing adapter (see race-passings.ts). */
export function checkRules(entries: readonly JournalEntry[], sim: SimRace): void {
  const { state, laps } = recorded(entries);
  const total = state.format.laps;
  const chip = new Map(sim.skaters.map((s) => [s.bib, s.transponder]));
  const raceMs = sim.passings.map((p) => p.raceMs);
  expect(raceMs).toEqual([...raceMs].sort((a, b) => a - b));
  expect(laps).toHaveLength(total);
  expect(sim.finishMs).toBe(laps[total - 1]);

  for (const { bib } of state.skaters) {
    const reads = sim.passings.filter((p) => p.transponder === chip.get(bib));
    if (status(state, bib) === 'DNS') {
      expect(reads, `DNS ${bib} never crosses`).toEqual([]);
      continue;
    }
    // One start read just after the gun: the start line is the finish line.
    const starts = reads.filter((p) => p.noise === 'start');
    expect(starts, `start read of ${bib}`).toHaveLength(1);
    expect(starts[0]!.raceMs).toBeGreaterThanOrEqual(0);
    expect(starts[0]!.raceMs).toBeLessThanOrEqual(1500);
    expect(starts[0]!.lap).toBeNull();
    // Own crossings in increasing time, laps 1..L in order (one may be missed, as noise).
    const own = of(crossings(sim), bib);
    own.forEach((p, i) => i > 0 && expect(p.raceMs).toBeGreaterThan(own[i - 1]!.raceMs));
    own.forEach((p, i) => i > 0 && expect(p.lap).toBeGreaterThan(own[i - 1]!.lap!));
    const missed = of(sim.missed ?? [], bib).length;
    const expectedLaps =
      status(state, bib) === 'DNF' || status(state, bib) === 'LAPPED'
        ? state.lapsByBib[bib]!
        : total;
    expect(own.length + missed, `laps of ${bib}`).toBe(expectedLaps);
    expect(Math.max(...own.map((p) => p.lap!))).toBeLessThanOrEqual(expectedLaps);
  }

  for (let k = 1; k <= total; k++) {
    const lap = crossings(sim).filter((p) => p.lap === k);
    const [leader, ...others] = lap;
    expect(leader!.raceMs, `leader of lap ${k}`).toBe(laps[k - 1]);
    for (const p of others) {
      expect(p.raceMs, `lap ${k} of ${p.bib}`).toBeGreaterThan(leader!.raceMs);
      // The bunch is a few seconds long; a lapped skater drifts back, the finish is as timed.
      if (status(state, p.bib!) !== 'LAPPED' && k < total)
        expect(p.raceMs - leader!.raceMs).toBeLessThan(6000);
    }
  }

  // An adapter's view: count each transponder's crossings (reads closer than half a lap are one
  // read twice; a gap of two laps is a missed read); whoever first reaches lap k does so at the
  // leader's recorded time.
  const lapMs = sim.finishMs / total;
  const counts = new Map<number, { laps: number; last: number }>();
  const leaderAt: number[] = [];
  for (const p of sim.passings) {
    if (p.raceMs < 0 || p.bib === null) continue;
    const seen = counts.get(p.transponder);
    if (!seen) counts.set(p.transponder, { laps: 0, last: p.raceMs });
    else if (p.raceMs - seen.last > lapMs / 2) {
      seen.laps += Math.max(1, Math.round((p.raceMs - seen.last) / lapMs));
      seen.last = p.raceMs;
      if (leaderAt.length < seen.laps) leaderAt.push(p.raceMs);
    }
  }
  expect(leaderAt).toEqual(laps);

  state.format.sprintLaps.forEach((lap, i) => {
    const placing = state.sprints[i] ?? [];
    const onLap = crossings(sim).filter((p) => p.lap === lap);
    expect(
      onLap.slice(0, placing.length).map((p) => p.bib),
      `sprint ${i + 1}`,
    ).toEqual(placing);
    expect(firstDistinct(sim.passings, laps[lap - 1]!, placing.length)).toEqual(
      placing.map((bib) => chip.get(bib)),
    );
  });

  // The finish: finishers cross (their last crossing) in the recorded order, at recorded times.
  const finish = sim.passings.filter((p) => p.lap !== null && p.raceMs >= sim.finishMs);
  expect(finish.map((p) => p.bib).slice(0, state.finishOrder.length)).toEqual(state.finishOrder);
  expect(firstDistinct(sim.passings, sim.finishMs, state.finishOrder.length)).toEqual(
    state.finishOrder.map((bib) => chip.get(bib)),
  );
  for (const p of finish.filter((f) => state.times[f.bib!] !== undefined))
    expect(p.raceMs).toBe(state.times[p.bib!]);

  for (const { bib } of state.skaters.filter((s) => status(state, s.bib) === 'LAPPED')) {
    for (const p of of(crossings(sim), bib)) {
      const leader = crossings(sim).find((c) => c.lap === p.lap)!;
      expect(p.raceMs).toBeGreaterThan(leader.raceMs);
    }
    const last = of(crossings(sim), bib).at(-1)!;
    if (state.finishOrder.includes(bib)) expect(last.raceMs).toBeGreaterThanOrEqual(sim.finishMs);
    else expect(last.raceMs).toBeLessThan(sim.finishMs);
    for (const placing of state.sprints) expect(placing).not.toContain(bib);
  }
}

/** Noise as specified: counts, and what each kind of noise looks like. */
export function checkNoise(
  sim: SimRace,
  clean: SimRace,
  counts = { double: 3, warmup: 3, unknown: 1 },
) {
  const { state } = recorded(sim.entries);
  const known = new Set(sim.skaters.map((s) => s.transponder));
  const doubles = sim.passings.filter((p) => p.noise === 'double');
  expect(doubles).toHaveLength(counts.double);
  for (const d of doubles) {
    const first = sim.passings.find(
      (p) => p.transponder === d.transponder && p.noise === undefined && p.raceMs <= d.raceMs - 50,
    );
    expect(first, 'a double read follows a crossing').toBeDefined();
    expect(
      sim.passings.some(
        (p) =>
          p.transponder === d.transponder &&
          p.noise === undefined &&
          d.raceMs - p.raceMs >= 50 &&
          d.raceMs - p.raceMs <= 400,
      ),
    ).toBe(true);
  }
  const warmups = sim.passings.filter((p) => p.noise === 'warmup');
  expect(warmups).toHaveLength(counts.warmup);
  for (const w of warmups) {
    expect(w.raceMs).toBeLessThan(0);
    expect(known.has(w.transponder)).toBe(true);
  }
  expect(sim.passings.filter((p) => p.raceMs < 0)).toEqual(warmups);
  const unknown = sim.passings.filter((p) => !known.has(p.transponder));
  expect(unknown).toHaveLength(counts.unknown);
  for (const u of unknown) {
    expect(u).toMatchObject({ bib: null, lap: null, noise: 'unknown' });
    expect(u.raceMs).toBeGreaterThan(sim.passings.find((p) => p.lap === 1)!.raceMs);
    expect(u.raceMs).toBeLessThan(sim.finishMs);
  }
  // The missed read: the clean race's crossings less exactly the one left out.
  const key = (p: SimPassing) => `${p.bib}/${p.lap}/${p.raceMs}`;
  const noisy = new Set(crossings(sim).map(key));
  const lost = crossings(clean).filter((p) => !noisy.has(key(p)));
  expect(lost.map(key).sort()).toEqual((sim.missed ?? []).map(key).sort());
  expect(crossings(sim).length).toBe(crossings(clean).length - lost.length);
  for (const p of lost) {
    const leader = crossings(clean).find((c) => c.lap === p.lap)!;
    expect(p.bib).not.toBe(leader.bib);
    const sprint = state.format.sprintLaps.indexOf(p.lap!);
    if (sprint >= 0) expect(state.sprints[sprint]?.slice(0, 3) ?? []).not.toContain(p.bib);
    if (state.finishOrder.includes(p.bib!))
      expect(p.lap).toBeLessThan(Math.max(...of(crossings(clean), p.bib!).map((c) => c.lap!)));
  }
  // Noise leaves the clean crossings and start reads as they were.
  const cleanReads = new Set(clean.passings.map(key));
  expect(sim.passings.filter((p) => p.noise === undefined || p.noise === 'start').map(key)).toEqual(
    clean.passings.filter((p) => !lost.includes(p)).map(key),
  );
  expect(cleanReads.size).toBe(clean.passings.length);
}
