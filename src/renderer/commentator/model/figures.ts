/**
 * Figures as the commentator screen prints them: a gap "+12.9", a lap "29.84", laps down
 * "−1 lap". One place, so every panel says a number the same way.
 */
import type { SkaterNames } from '../../../shared/race/skater-name.ts';
import { familyCapitals } from '../../../shared/race/skater-name.ts';
import { formatRaceTime } from '../../../shared/text.ts';

/** Nothing known (a missed read, a lap not yet run): a dash, never a guess. */
export const unknown = '–';

/** A gap behind the leader in seconds, one decimal ("+12.9"); the leader himself "lead". */
export function gapText(seconds: number | null): string {
  if (seconds === null) return unknown;
  if (seconds <= 0) return 'lead';
  return `+${seconds.toFixed(1)}`;
}

/** A lap time as timing prints it ("29.84", "1:02.10"); unknown as a dash. */
export function lapText(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? unknown : formatRaceTime(ms);
}

/** Laps behind the leader ("−1 lap", "−2 laps"). */
export function lapsDownText(laps: number): string {
  return `−${laps} ${laps === 1 ? 'lap' : 'laps'}`;
}

/** A points table as the crowd knows it: "3-2-1", "60-40-20-10-6-3". */
export function pointsTable(points: readonly number[]): string {
  return points.join('-');
}

/**
 * A skater's short name for a tight panel: the family name in capitals as the start list gave
 * it ("HALD THORUP", "CHUNG"), else the last word of the name (as the results rows split it).
 */
export function shortName(skater: SkaterNames | undefined): string {
  if (!skater) return '';
  return familyCapitals(skater) ?? (skater.name.trim().split(/\s+/).at(-1) ?? '').toUpperCase();
}
