/**
 * Turning the abstract steps of a race script (race-step-arbitraries.ts) into commands. A step
 * is turned into a concrete command only when it is run, against the state the race is in at
 * that moment (`commandFor`), so the random walk stays mostly valid (laps, sprint placings of
 * known bibs at the right laps to go, finish order on the last lap ...) while a `junk` share of
 * the steps deliberately asks for something the rules refuse (unknown bibs, sprints that are
 * not in the format, laps below zero, voids of entries that do not exist ...).
 */
import type { RaceCommand, SkaterStatus } from '../../src/shared/race/events.ts';
import { isu2014, isu2018, sprintLapsToGo } from '../../src/shared/race/format.ts';
import type { RaceHistory } from '../../src/shared/race/history.ts';
import { lapsToGo } from '../../src/shared/race/progress.ts';
import { statusOf, type RaceState } from '../../src/shared/race/state.ts';
import { nations, skaterFor } from './race-setup-arbitraries.ts';
import type { Step } from './race-step-arbitraries.ts';

const statuses: readonly SkaterStatus[] = ['DNF', 'DQ', 'LAPPED', 'OK', 'DNS'];

function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

/** Distinct bibs of `pool`, in an order and number drawn from `picks`. */
function choose(pool: readonly number[], picks: readonly number[], count: number): number[] {
  const left = [...pool];
  const out: number[] = [];
  for (let i = 0; i < count && left.length > 0; i++) {
    const index = (picks[i % Math.max(1, picks.length)] ?? i) + i;
    out.push(left.splice(index % left.length, 1)[0]!);
  }
  return out;
}

/** `pool` in an order drawn from `picks` (a permutation). */
function shuffle(pool: readonly number[], picks: readonly number[], seed: number): number[] {
  return choose(pool, picks.length > 0 ? picks : [seed], pool.length);
}

/** A bib that is not on the start list. */
function unknownBib(state: RaceState, n: number): number {
  const taken = new Set(state.skaters.map((s) => s.bib));
  let bib = 1 + (n % 999);
  while (taken.has(bib)) bib = 1 + (bib % 999);
  return bib;
}

/** Sprints whose line the race has reached (may be placed or re-placed now). */
function sprintsOpen(state: RaceState): number[] {
  const open: number[] = [];
  state.format.sprintLaps.forEach((_, index) => {
    if (lapsToGo(state) <= sprintLapsToGo(state.format, index + 1) + 1) open.push(index + 1);
  });
  return open;
}

/**
 * The command a step stands for in the race `history` is in. Valid steps are built to be
 * accepted most of the time; junk steps to be refused most of the time.
 */
export function commandFor(history: RaceHistory, step: Step): RaceCommand {
  const state = history.state;
  const { format } = state;
  const { n, m, picks, flag, junk } = step;
  const bibs = state.skaters.map((s) => s.bib);
  const started = bibs.filter((bib) => statusOf(state, bib) !== 'DNS');
  const racing = started.filter((bib) => statusOf(state, bib) !== 'DNF');
  const anyBib = (i: number): number =>
    junk || bibs.length === 0 ? unknownBib(state, i) : pick(bibs, i)!;

  // After the confirmation an operator sometimes reopens the results to correct them.
  const keeps = ['undo', 'redo', 'void', 'reopen', 'confirm'];
  if (state.official && !junk && !keeps.includes(step.kind) && n % 2 === 0) {
    return { type: 'results/reopened' };
  }

  switch (step.kind) {
    case 'lap':
      // Once the leader is in, the operator turns to the finish order and the confirmation.
      if (!junk && state.started && lapsToGo(state) === 0) {
        const left = racing.filter((bib) => !state.finishOrder.includes(bib));
        if (left.length > 0)
          return { type: 'finish/appended', bibs: choose(left, picks, 1 + (m % 4)) };
        return { type: 'results/confirmed' };
      }
      return { type: 'lap/completed' };

    case 'bell':
      return { type: 'laps/corrected', lapsCompleted: format.laps - (flag ? 1 : 2) };

    case 'correct': {
      const lapsCompleted = junk
        ? flag
          ? -1 - (n % 5)
          : format.laps + 1 + (n % 5)
        : Math.max(0, Math.min(format.laps, state.lapsCompleted + (n % 5) - 2));
      return { type: 'laps/corrected', lapsCompleted };
    }

    case 'sprint': {
      const count = format.sprintLaps.length;
      const open = sprintsOpen(state);
      const sprint = junk
        ? (n % (count + 4)) - 1
        : n % 5 === 0 && open.length > 0
          ? pick(open, m)!
          : (open[open.length - 1] ?? 1 + (n % Math.max(1, count)));
      const places = format.intermediatePoints.length;
      const size = 1 + (m % Math.max(1, places));
      const placed = choose(started, picks, size);
      if (junk) {
        if (flag && placed.length > 0) placed.push(placed[0]!);
        else placed.push(unknownBib(state, m));
      }
      return { type: 'sprint/placed', sprint, bibs: placed.length > 0 ? placed : [anyBib(n)] };
    }

    case 'finish': {
      if (!junk && lapsToGo(state) > 1 && n % 3 !== 0) return { type: 'lap/completed' };
      const order = shuffle(racing, picks, n);
      const full = flag || n % 3 !== 0;
      const bibsFinish = full ? order : order.slice(0, 1 + (m % Math.max(1, order.length)));
      if (junk) {
        return {
          type: 'finish/recorded',
          bibs: flag ? [] : [...bibsFinish, unknownBib(state, m)],
        };
      }
      return { type: 'finish/recorded', bibs: bibsFinish };
    }

    case 'append': {
      const left = racing.filter((bib) => !state.finishOrder.includes(bib));
      const more = choose(left, picks, 1 + (m % 3));
      if (junk || more.length === 0) {
        const again = pick(state.finishOrder, n) ?? anyBib(n);
        return { type: 'finish/appended', bibs: [again] };
      }
      return { type: 'finish/appended', bibs: more };
    }

    case 'time':
      return { type: 'finish/timed', bib: anyBib(n), time: 300_000 + ((m * 37) % 200_000) };

    case 'status': {
      const status = junk
        ? pick(statuses, m)!
        : (['DNF', 'DNF', 'LAPPED', 'OK', 'DQ', 'DNS'] as const)[m % 6]!;
      // Aim DNS and DNF at skaters they can apply to, most of the time.
      const pool =
        status === 'DNS'
          ? bibs.filter(
              (bib) =>
                !state.finishOrder.includes(bib) && !state.sprints.some((s) => s.includes(bib)),
            )
          : status === 'DNF'
            ? bibs.filter((bib) => !state.finishOrder.includes(bib))
            : bibs;
      const bib = junk ? anyBib(n) : (pick(pool, n) ?? anyBib(n));
      const laps = flag ? (junk ? format.laps + 1 + (n % 3) : n % (format.laps + 1)) : undefined;
      return laps === undefined
        ? { type: 'skater/statusChanged', bib, status }
        : { type: 'skater/statusChanged', bib, status, laps };
    }

    case 'advance':
      return { type: 'qualifier/advanced', bib: anyBib(n) };

    case 'edit': {
      const bib = anyBib(n);
      return flag
        ? { type: 'skater/edited', bib, name: `Renamed ${m % 100}` }
        : { type: 'skater/edited', bib, nation: nations[m % nations.length]! };
    }

    case 'confirm':
      return { type: 'results/confirmed' };

    case 'reopen':
      return { type: 'results/reopened' };

    case 'undo':
      return { type: 'undo' };

    case 'redo':
      return { type: 'redo' };

    case 'void': {
      const seqs = history.entries.map((entry) => entry.seq);
      const target = junk || seqs.length === 0 ? n % (history.nextSeq + 3) : pick(seqs, n)!;
      return { type: 'event/voided', target: Math.max(1, target) };
    }

    case 'start':
      return { type: 'race/started' };

    case 'configure': {
      // Mostly a title change (allowed at any time), sometimes another preset or round.
      const format2 = n % 4 === 0 ? (flag ? isu2014 : isu2018) : format;
      const round = n % 7 === 0 ? (state.round === 'semi' ? 'final' : 'semi') : state.round;
      return {
        type: 'race/configured',
        title: junk ? 'Renamed' : `${state.title.split(' #')[0]} #${m % 10}`,
        round,
        qualifiers: round === 'semi' ? Math.max(1, state.qualifiers || 1 + (m % 10)) : 0,
        format: format2,
      };
    }

    case 'startList': {
      const list = [...new Set([n, m, ...picks].map((p) => 1 + (p % 60)))].map((bib) =>
        skaterFor(bib, n),
      );
      if (junk && flag) return { type: 'startList/set', skaters: [] };
      if (junk && list.length > 0) list.push(list[0]!);
      return { type: 'startList/set', skaters: list };
    }
  }
}
