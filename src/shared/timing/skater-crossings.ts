/**
 * One skater's crossings of the finish line, by the decoder's clock (issue 17): the single record
 * the lap tracker keeps per skater. Everything else (who leads which lap, the sprint and finish
 * orders) is derived from these lists, so a passing that arrives late (a decoder's RESEND after a
 * reconnect) or a crossing inferred from a missed read fits in where it belongs.
 */

/** A crossing that completed a lap; `inferred`: the loop missed it, its time is an estimate. */
export interface LapCrossing {
  readonly decoderMs: number;
  readonly inferred: boolean;
}

/**
 * A gap of about two (three, ...) of the skater's laps means the loop missed a crossing (or
 * more): within this share of a lap of a whole number of laps, from 2 up. A gap of 2.4 laps is a
 * skater who lost time (a fall), not a missed read.
 */
const MISSED_READ_SLACK = 0.3;

/** How many of a skater's own recent laps make his typical lap. */
const OWN_LAPS = 3;

/** The laps of one skater: index k - 1 holds the crossing that completed lap k. */
export class SkaterCrossings {
  readonly laps: LapCrossing[] = [];

  constructor(readonly bib: number) {}

  /** Laps completed by the tracker's count. */
  get count(): number {
    return this.laps.length;
  }

  /** Decoder time of the crossing that completed `lap` (lap 0: the start, given). */
  timeOf(lap: number, startMs: number): number {
    return lap === 0 ? startMs : this.laps[lap - 1]!.decoderMs;
  }

  /** The last crossing (the start when none). */
  lastMs(startMs: number): number {
    return this.timeOf(this.count, startMs);
  }

  /**
   * The skater's own typical lap: the median of his last read-to-read laps whose both ends were
   * real reads (an inferred crossing has an estimated time). Null before he has one.
   */
  ownLapMs(startMs: number): number | null {
    const found: number[] = [];
    for (let lap = this.count; lap >= 1 && found.length < OWN_LAPS; lap -= 1) {
      const end = this.laps[lap - 1]!;
      const begin = lap === 1 ? null : this.laps[lap - 2]!;
      if (end.inferred || begin?.inferred) continue;
      found.push(end.decoderMs - (begin?.decoderMs ?? startMs));
    }
    if (found.length === 0) return null;
    found.sort((a, b) => a - b);
    return found[Math.floor(found.length / 2)]!;
  }

  /** Adds `reads` laps ending at `decoderMs`: the ones before it inferred, evenly spaced. */
  add(decoderMs: number, reads: number, startMs: number): void {
    const from = this.lastMs(startMs);
    for (let k = 1; k < reads; k += 1)
      this.laps.push({ decoderMs: from + ((decoderMs - from) * k) / reads, inferred: true });
    this.laps.push({ decoderMs, inferred: false });
  }

  /**
   * A read older than the last one (a resend): the lap whose inferred crossing it is, if any.
   * It must fall between that lap's neighbours, at least `minLapMs` from each real one.
   */
  inferredLapAt(decoderMs: number, startMs: number, minLapMs: number): number | null {
    for (let lap = 1; lap <= this.count; lap += 1) {
      const crossing = this.laps[lap - 1]!;
      if (!crossing.inferred) continue;
      const before = this.timeOf(lap - 1, startMs);
      const after = lap < this.count ? this.laps[lap]!.decoderMs : Infinity;
      if (decoderMs - before >= minLapMs && after - decoderMs >= minLapMs) return lap;
    }
    return null;
  }

  /** The real read of an inferred lap arrived: its time replaces the estimate. */
  confirm(lap: number, decoderMs: number): void {
    this.laps[lap - 1] = { decoderMs, inferred: false };
  }

  /**
   * Whether a real read (or the start) is within `minLapMs` of this time: one crossing read
   * twice. Inferred crossings do not count: their time is only an estimate.
   */
  isNear(decoderMs: number, startMs: number, minLapMs: number): boolean {
    if (this.count === 0) return Math.abs(decoderMs - startMs) < minLapMs;
    // From the newest back (crossings are in time order), until they are too old to matter.
    for (let lap = this.count; lap >= 1; lap -= 1) {
      const crossing = this.laps[lap - 1]!;
      if (crossing.decoderMs <= decoderMs - minLapMs) return false;
      if (!crossing.inferred && Math.abs(crossing.decoderMs - decoderMs) < minLapMs) return true;
    }
    return false;
  }
}

/** How many laps a gap of `laps` of the skater's own laps holds: whole laps only, else one. */
export function missedReadsIn(laps: number): number {
  const whole = Math.round(laps);
  return whole >= 2 && Math.abs(laps - whole) <= MISSED_READ_SLACK ? whole : 1;
}
