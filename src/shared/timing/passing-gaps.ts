/**
 * Holes in the decoder's passing numbers (issue 17). A P3 decoder numbers its passings one by one
 * (field 0x01 of a PASSING record); a number skipped means a passing this host never received (a
 * dropped connection the decoder did not replay). Each hole is asked for again with a RESEND
 * request, and counted until it is filled. Which numbers a RESEND covers is unconfirmed against a
 * real decoder (../shared/docs/timing-p3.md): `until` is taken as inclusive.
 */

/** A range of passing numbers to ask for again, both ends included. */
export interface PassingRange {
  readonly from: number;
  readonly until: number;
}

/** A hole wider than this is not lost passings but a decoder numbering afresh or another session. */
const WIDEST_HOLE = 2_000;
/** A number this far below the highest seen means the decoder started counting again. */
const RENUMBERED = 10_000;

export class PassingGaps {
  private highest: number | null = null;
  private readonly missing = new Set<number>();

  /** Passing numbers skipped and not yet received. */
  get count(): number {
    return this.missing.size;
  }

  /**
   * One passing number arrived: the hole it reveals (to ask for), or null. A number inside a
   * hole fills it.
   */
  saw(number: number): PassingRange | null {
    if (this.missing.delete(number)) return null;
    const highest = this.highest;
    if (highest === null || number < highest - RENUMBERED) {
      this.restart(number);
      return null;
    }
    if (number <= highest) return null;
    this.highest = number;
    const from = highest + 1;
    const until = number - 1;
    if (until < from) return null;
    if (until - from + 1 > WIDEST_HOLE) return null;
    for (let n = from; n <= until; n += 1) this.missing.add(n);
    return { from, until };
  }

  /** The holes still open, as ranges (asked for again after a reconnect). */
  open(): PassingRange[] {
    const numbers = [...this.missing].sort((a, b) => a - b);
    const ranges: PassingRange[] = [];
    for (const n of numbers) {
      const last = ranges.at(-1);
      if (last && last.until === n - 1) ranges[ranges.length - 1] = { from: last.from, until: n };
      else ranges.push({ from: n, until: n });
    }
    return ranges;
  }

  private restart(number: number): void {
    this.highest = number;
    this.missing.clear();
  }
}
