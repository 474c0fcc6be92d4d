/**
 * Transponders on the loop that are on no one's start list (issue 17): the most recent ones, a
 * bounded list whatever the decoder sends (a flood of 100,000 passings of strangers once grew the
 * timing view to 3 MB and slowed every command), with totals for the rest.
 */
import type { UnknownTransponder } from './view.ts';

/** How many unknown transponders are remembered by name; older ones are only counted. */
export const UNKNOWN_KEPT = 50;

export class UnknownTransponders {
  /** By transponder, least recently seen first (a Map keeps insertion order). */
  private readonly kept = new Map<string, UnknownTransponder>();
  private forgotten = 0;
  private passings = 0;

  /** A passing of a transponder no skater wears. */
  saw(transponder: string, at: number): void {
    this.passings += 1;
    const known = this.kept.get(transponder);
    this.kept.delete(transponder);
    this.kept.set(transponder, { transponder, passings: (known?.passings ?? 0) + 1, lastAt: at });
    if (this.kept.size <= UNKNOWN_KEPT) return;
    const oldest = this.kept.keys().next().value!;
    this.kept.delete(oldest);
    this.forgotten += 1;
  }

  /** The remembered ones, least recently seen first. */
  list(): UnknownTransponder[] {
    return [...this.kept.values()];
  }

  /** Distinct transponders seen (one forgotten and seen again counts again) and their passings. */
  totals(): { readonly transponders: number; readonly passings: number } {
    return { transponders: this.kept.size + this.forgotten, passings: this.passings };
  }
}
