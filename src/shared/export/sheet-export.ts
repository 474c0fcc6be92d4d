import { formatPresets, type RaceFormat } from '../race/format.ts';
import type { RaceState } from '../race/state.ts';
import type { RaceSheet } from '../sheet/sheet.ts';

/** Whether two formats are the same data (a preset stays a preset name on the sheet). */
function sameFormat(a: RaceFormat, b: RaceFormat): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The preset name of a format, or the format object itself when it is custom. */
function formatRef(format: RaceFormat): RaceSheet['format'] {
  for (const [name, preset] of Object.entries(formatPresets))
    if (sameFormat(format, preset)) return name;
  return format;
}

/**
 * The race sheet of a race state (README, "Race sheets"): the inverse of sheetState, so
 * `massstart standings` on it ranks the race as the host does. A sheet holds results, not
 * the story of the race: finish times, transponders' passings and corrections are not on it.
 */
export function stateToSheet(state: RaceState): RaceSheet {
  const bibs = new Set(state.skaters.map((skater) => skater.bib));
  const status: Record<string, 'DNF' | 'DQ' | 'DNS' | 'LAPPED'> = {};
  const laps: Record<string, number> = {};
  for (const skater of state.skaters) {
    const recorded = state.status[skater.bib];
    if (recorded === undefined) continue;
    status[String(skater.bib)] = recorded;
    const completed = state.lapsByBib[skater.bib];
    if (completed !== undefined && recorded !== 'DNS') laps[String(skater.bib)] = completed;
  }
  // Trailing sprints nobody was placed in are left out; earlier empty ones keep their place.
  const sprints = state.sprints.map((placed) => placed.filter((bib) => bibs.has(bib)));
  while (sprints.length > 0 && sprints.at(-1)!.length === 0) sprints.pop();
  return {
    format: formatRef(state.format),
    round: state.round,
    ...(state.round === 'semi' ? { qualifiers: state.qualifiers } : {}),
    title: state.title,
    skaters: state.skaters.map((skater) => ({ ...skater })),
    sprints,
    finish: [...state.finishOrder],
    status,
    laps,
    advanced: [...state.advanced],
  };
}
