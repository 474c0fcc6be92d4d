/**
 * Where the race's start is on the decoder's clock (issues 12 and 17). The decoder stamps
 * passings with its own clock; the host journals the start with its own. Two ways to tie them:
 * - a start signal: a gun or start button wired to the decoder's start input arrives as a
 *   passing of a reserved transponder (MYLAPS Type 3 decoder manual, "Auxiliary port": the
 *   external start / photocell 2 input "will be recognized as a passing of transponder number
 *   9992"; photocell 1 is 9991). Its decoder time IS the start: finish times then run from the gun;
 * - otherwise the host's start moved by the clock offset, estimated from the fastest recent
 *   passing (host receipt minus decoder time: the offset plus the shortest delivery delay). Times
 *   then run from the operator's start command and are short by the operator's press delay.
 */
import type { Passing } from './tracker.ts';

/** Where the start came from: the decoder's start input, or the operator's start command. */
export type StartSource = 'signal' | 'command';

/** How many clock samples the offset estimate looks at, and how long it refines the start. */
const SKEW_WINDOW = 20;
const START_SAMPLES = 10;
/** A start signal belongs to the host's start when it arrived this long before it ... */
const SIGNAL_BEFORE_MS = 15_000;
/** ... or this long after it (the operator pressed before the gun's passing arrived). */
const SIGNAL_AFTER_MS = 2_000;
/** Start signals remembered (a false start and its recall make several). */
const SIGNALS_KEPT = 8;

export class RaceClock {
  private readonly skew: number[] = [];
  private readonly signals: Passing[] = [];
  private startedAt: number | null = null;
  private estimate: number | null = null;
  private samples = 0;
  private signalled: number | null = null;

  /** Decoder clock minus host clock (delivery delay included), from the fastest recent passing. */
  get offsetMs(): number | null {
    return this.skew.length === 0 ? null : -Math.min(...this.skew);
  }

  /** The start on the decoder's clock, null before the race starts. */
  get startMs(): number | null {
    return this.signalled ?? this.estimate;
  }

  /** Whether the start came from the decoder's start input or the operator's command. */
  get source(): StartSource | null {
    if (this.startMs === null) return null;
    return this.signalled !== null ? 'signal' : 'command';
  }

  /** A new host start (or none): the start is found again. Signals and samples stay. */
  restart(startedAt: number | null): void {
    this.startedAt = startedAt;
    this.estimate = null;
    this.samples = 0;
    this.signalled = null;
    this.refine();
  }

  /** Every passing tells the offset; the first ones after the start refine it. */
  sample(passing: Passing): void {
    this.skew.push(passing.receivedAt - passing.decoderMs);
    if (this.skew.length > SKEW_WINDOW) this.skew.shift();
    if (this.startedAt !== null && passing.receivedAt >= this.startedAt) this.samples += 1;
    this.refine();
  }

  /** A passing of the start input: the gun, when it falls near the host's start. */
  signal(passing: Passing): void {
    this.signals.push(passing);
    if (this.signals.length > SIGNALS_KEPT) this.signals.shift();
    this.refine();
  }

  private refine(): void {
    const startedAt = this.startedAt;
    if (startedAt === null) return;
    // The last signal in the window: a recalled false start fires the gun again.
    const gun = this.signals.findLast(
      (signal) =>
        signal.receivedAt >= startedAt - SIGNAL_BEFORE_MS &&
        signal.receivedAt <= startedAt + SIGNAL_AFTER_MS,
    );
    this.signalled = gun?.decoderMs ?? null;
    const offset = this.offsetMs;
    if (offset !== null && (this.estimate === null || this.samples <= START_SAMPLES))
      this.estimate = startedAt + offset;
  }
}
