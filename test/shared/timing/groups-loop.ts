// The finish-line loop for the groups' tests (issue 21): passings go through the real lap tracker
// (src/shared/timing/tracker.ts), then the groups are derived from its crossings (raceGaps), as
// the host's timing feed does. The gun is the decoder's start input, so lap 1 runs from it.
import type { RaceEvent } from '../../../src/shared/race/events.ts';
import { replayCommands } from '../../../src/shared/race/replay.ts';
import type { RaceState } from '../../../src/shared/race/state.ts';
import { raceGaps, type RaceGaps } from '../../../src/shared/timing/groups.ts';
import type { SimRace } from '../../../src/shared/timing/race-passings.ts';
import { LapTracker } from '../../../src/shared/timing/tracker.ts';

/** The gun on the decoder's clock. */
export const GUN = Date.parse('2026-02-21T14:00:00Z');
/** The decoder's start input (MYLAPS: the gun arrives as a passing of transponder 9992). */
const START_INPUT = '9992';

/** A race's state once started, from its opening events (configured, start list, started). */
export function startedState(events: readonly RaceEvent[]): RaceState {
  const opening = events.filter((event) =>
    ['race/configured', 'startList/set', 'race/started'].includes(event.type),
  );
  return replayCommands(opening).state;
}

/** One loop on one race: the gun fired, then reads by transponder at race times. */
export class Loop {
  readonly tracker = new LapTracker({ minLapMs: 20_000, startSignal: START_INPUT });
  private passingNumber = 1;

  constructor(
    readonly state: RaceState,
    readonly thresholdMs = 1000,
  ) {
    this.read(START_INPUT, 0);
  }

  /** A read of `transponder` at `raceMs` after the gun. */
  read(transponder: string | number, raceMs: number): void {
    this.tracker.observe(
      {
        passingNumber: this.passingNumber++,
        transponder: String(transponder),
        decoderMs: GUN + raceMs,
        receivedAt: GUN + raceMs + 20,
      },
      { state: this.state, startedAt: GUN + 20 },
    );
  }

  /** The groups and gaps now. */
  gaps(): RaceGaps {
    return raceGaps({
      state: this.state,
      startMs: this.tracker.startDecoderMs,
      skaters: this.tracker.crossings(),
      thresholdMs: this.thresholdMs,
    });
  }
}

/** A race played through a loop. */
export interface Played {
  readonly loop: Loop;
  /** The groups once each lap is in, just before the next lap's first read (index k - 1: lap k). */
  readonly lapsIn: RaceGaps[];
  readonly final: RaceGaps;
}

/** Plays a simulator race through a loop; `each` sees the groups after every read. */
export function play(race: SimRace, each?: (gaps: RaceGaps, loop: Loop) => void): Played {
  const loop = new Loop(startedState(race.entries.map((entry) => entry.event)));
  const lapsIn: RaceGaps[] = [];
  race.passings.forEach((passing, i) => {
    loop.read(passing.transponder, passing.raceMs);
    const next = race.passings[i + 1];
    const lapIn =
      loop.tracker.leaderLaps > 0 && (!next || next.lap === loop.tracker.leaderLaps + 1);
    const gaps = each || lapIn ? loop.gaps() : null;
    if (each) each(gaps!, loop);
    if (lapIn) lapsIn[loop.tracker.leaderLaps - 1] = gaps!;
  });
  return { loop, lapsIn, final: loop.gaps() };
}
