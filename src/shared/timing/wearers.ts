/**
 * Who wears which transponder (issue 12): the start list's transponder text, compared trimmed,
 * looked up once per start list rather than once per skater per passing.
 */
import type { RaceState } from '../race/state.ts';

/** Who wears which transponder, per start list (a race state keeps its list while it lives). */
const wearers = new WeakMap<RaceState['skaters'], Map<string, number>>();

/** The skater wearing a transponder (start-list text, compared as trimmed text). */
export function bibOf(state: RaceState, transponder: string | undefined): number | null {
  const wanted = transponder?.trim();
  if (!wanted) return null;
  let byCode = wearers.get(state.skaters);
  if (!byCode) {
    byCode = new Map();
    for (const skater of state.skaters) {
      const code = skater.transponder?.trim();
      if (code && !byCode.has(code)) byCode.set(code, skater.bib);
    }
    wearers.set(state.skaters, byCode);
  }
  return byCode.get(wanted) ?? null;
}
