// Timing views as the host pushes them to consoles (issue 12), for the console's tests.
import type {
  TimingProposal,
  TimingStatus,
  TimingView,
} from '../../../../src/shared/timing/view.ts';

/** A host clock far from any local one: the console must never compare the two. */
export const hostNow = 1_750_000_000_000;

/** A timing view: connected to a decoder, following the semi, nothing seen yet, plus changes. */
export function timingView(
  change: Partial<Omit<TimingView, 'status'>> & { status?: Partial<TimingStatus> } = {},
): TimingView {
  const { status, ...rest } = change;
  return {
    seq: 1,
    now: hostNow,
    settings: {
      url: 'p3://10.0.0.5:5403',
      autoLaps: false,
      minLapSeconds: 20,
      startSignal: null,
      groupGapSeconds: 1,
    },
    status: {
      connection: 'connected',
      url: 'p3://10.0.0.5:5403',
      lastPassingAt: null,
      lastRecordAt: hostNow,
      passings: 0,
      duplicates: 0,
      doubleReads: 0,
      beforeStart: 0,
      afterFinish: 0,
      missedReads: 0,
      unknown: [],
      badFrames: 0,
      skippedBytes: 0,
      connections: 1,
      retryInMs: null,
      lastError: null,
      clockOffsetMs: null,
      missingPassings: 0,
      resendRequests: 0,
      unknownTransponders: 0,
      unknownPassings: 0,
      startSource: null,
      ...status,
    },
    raceId: 'men-semi-1',
    leaderLaps: 0,
    proposals: [],
    recent: [],
    silent: [],
    ...rest,
  };
}

/** A view with these proposals open. */
export const withProposals = (...proposals: TimingProposal[]): TimingView =>
  timingView({ proposals });

export const sprint = (number: number, bibs: number[], complete = true): TimingProposal => ({
  id: `sprint-${number}`,
  kind: 'sprint',
  sprint: number,
  bibs,
  complete,
});

export const finish = (bibs: number[], times: Record<number, number> = {}): TimingProposal => ({
  id: `finish-${bibs.length}`,
  kind: 'finish',
  bibs,
  times,
  complete: false,
});

/** A clock the test moves by hand. */
export function manualClock(start = 50_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}
