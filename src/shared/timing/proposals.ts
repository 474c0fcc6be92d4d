/**
 * What the passings propose for the race as it is now (issues 12 and 17), and the race commands
 * that accept a proposal. Derived every time, never stored: a lap or sprint entered by hand (or
 * undone) opens and closes proposals by itself.
 */
import type { RaceCommand } from '../race/events.ts';
import { lapsToGo } from '../race/progress.ts';
import { isRacing, statusOf, type RaceState } from '../race/state.ts';
import type { LapTracker } from './tracker.ts';
import type { LappedFinisher, TimingProposal } from './view.ts';

/** The open proposals of a race, less those the operator dismissed. */
export function timingProposals(
  tracker: LapTracker,
  state: RaceState,
  dismissed: ReadonlySet<string> = new Set(),
): TimingProposal[] {
  if (!state.started || state.official || tracker.startDecoderMs === null) return [];
  const found: TimingProposal[] = [];
  const { format } = state;
  const leaderLaps = Math.min(tracker.leaderLaps, format.laps);
  if (leaderLaps > state.lapsCompleted && lapsToGo(state) > 0) {
    found.push(
      leaderLaps === state.lapsCompleted + 1
        ? {
            id: `lap-${leaderLaps}`,
            kind: 'lap',
            lap: leaderLaps,
            leader: tracker.leaderOf(leaderLaps)!.bib,
          }
        : { id: `laps-${leaderLaps}`, kind: 'laps', lapsCompleted: leaderLaps },
    );
  }
  const places = format.intermediatePoints.length;
  format.sprintLaps.forEach((lap, index) => {
    if ((state.sprints[index]?.length ?? 0) > 0) return;
    const across = tracker.lapOrder(lap).filter((passage) => isRacing(state, passage.bib));
    const first = across.slice(0, places);
    if (first.length === 0) return;
    const racing = state.skaters.filter((skater) => isRacing(state, skater.bib)).length;
    const sprint = index + 1;
    found.push({
      id: `sprint-${sprint}`,
      kind: 'sprint',
      sprint,
      bibs: first.map((passage) => passage.bib),
      complete: first.length >= Math.min(places, racing),
      inferred: first.filter((passage) => passage.inferred).map((passage) => passage.bib),
    });
  });
  const finish = finishProposal(tracker, state);
  if (finish) found.push(finish);
  return found.filter((proposal) => !dismissed.has(proposal.id));
}

/**
 * The finish as the loop saw it: skaters on the lead lap in crossing order with their race times;
 * lapped skaters (their finish crossing came short of the race's laps) proposed as LAPPED with
 * their laps and no time. Where the format ranks lapped skaters (`lappedSkaters: rank`) they also
 * take a place in the finish order, after every skater on the lead lap (they did not finish the
 * distance, so they never take a podium place by crossing first: rules, "Ranking" 6).
 */
function finishProposal(tracker: LapTracker, state: RaceState): TimingProposal | null {
  const start = tracker.startDecoderMs;
  if (start === null) return null;
  const { laps, lappedSkaters } = state.format;
  const crossed = tracker.finishers().filter((passage) => isRacing(state, passage.bib));
  const placed = new Set(state.finishOrder);
  const onLeadLap = crossed.filter((passage) => passage.laps >= laps);
  const lappedCrossed = crossed.filter((passage) => passage.laps < laps);
  const leadBibs = onLeadLap.map((passage) => passage.bib).filter((bib) => !placed.has(bib));
  // Marked LAPPED with their laps once; a format that ranks them places them too (below).
  const lapped: LappedFinisher[] = lappedCrossed
    .filter(
      (passage) =>
        statusOf(state, passage.bib) !== 'LAPPED' || state.lapsByBib[passage.bib] !== passage.laps,
    )
    .map((passage) => ({ bib: passage.bib, laps: passage.laps }));
  const seen = new Set(crossed.map((passage) => passage.bib));
  // Still to come: skaters racing on the lead lap who are neither placed nor across the line.
  const waiting = state.skaters.filter(
    (skater) =>
      statusOf(state, skater.bib) === 'OK' && !placed.has(skater.bib) && !seen.has(skater.bib),
  );
  const lappedPlaces =
    lappedSkaters === 'rank' && waiting.length === 0
      ? lappedCrossed.map((passage) => passage.bib).filter((bib) => !placed.has(bib))
      : [];
  const bibs = [...leadBibs, ...lappedPlaces];
  if (bibs.length === 0 && lapped.length === 0) return null;
  const times: Record<number, number> = {};
  for (const passage of onLeadLap)
    if (!passage.inferred) times[passage.bib] = Math.max(0, Math.round(passage.decoderMs - start));
  return {
    id: `finish-${crossed.length}-${lappedPlaces.length}`,
    kind: 'finish',
    bibs,
    times,
    complete: waiting.length === 0,
    lapped,
    timedFrom: tracker.startSource === 'signal' ? 'gun' : 'startKey',
  };
}

/**
 * The race commands that accept a proposal, optionally with the operator's corrected helmet
 * numbers (a sprint or finish order typed over the proposal). Finish times go with the finishers
 * that crossed the loop; lapped skaters get their status and laps, never a time.
 */
export function acceptProposal(
  proposal: TimingProposal,
  state: RaceState,
  bibs?: readonly number[],
): RaceCommand[] {
  switch (proposal.kind) {
    case 'lap':
      return [{ type: 'lap/completed' }];
    case 'laps':
      return [{ type: 'laps/corrected', lapsCompleted: proposal.lapsCompleted }];
    case 'sprint':
      return [
        { type: 'sprint/placed', sprint: proposal.sprint, bibs: [...(bibs ?? proposal.bibs)] },
      ];
    case 'finish': {
      const finishers = [...(bibs ?? proposal.bibs)];
      const lapped: RaceCommand[] = (proposal.lapped ?? []).map(({ bib, laps }) => ({
        type: 'skater/statusChanged',
        bib,
        status: 'LAPPED',
        laps,
      }));
      const order: RaceCommand[] =
        finishers.length === 0
          ? []
          : [
              state.finishOrder.length === 0
                ? { type: 'finish/recorded', bibs: finishers }
                : { type: 'finish/appended', bibs: finishers },
            ];
      const from = proposal.timedFrom ? { timedFrom: proposal.timedFrom } : {};
      const timed: RaceCommand[] = finishers.flatMap((bib) => {
        const time = proposal.times[bib];
        return time === undefined ? [] : [{ type: 'finish/timed', bib, time, ...from }];
      });
      return [...lapped, ...order, ...timed];
    }
  }
}
