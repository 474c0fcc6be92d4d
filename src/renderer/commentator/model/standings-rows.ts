/**
 * The standings as the commentators read them: rank, helmet, name, points per sprint, the
 * total, what each needs in a semi, and from the loop each skater's gap and group. The ranking
 * and the points are the host's (the race view's standings); the gaps are the host's `gaps`
 * value. Pure: tested in Node.
 */
import { printName } from '../../../shared/race/skater-name.ts';
import { isRacing, skaterByBib } from '../../../shared/race/state.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import type { GapsView } from '../../../shared/timing/gaps-view.ts';
import { gapText, lapsDownText, lapText, unknown } from './figures.ts';
import { needOf, type Need } from './needs.ts';

/** One row of the standings panel. */
export interface StandingLine {
  readonly bib: number;
  readonly rank: string;
  readonly name: string;
  readonly nation: string;
  /** Points of each intermediate sprint; empty where none were scored. */
  readonly sprints: readonly string[];
  readonly final: string;
  readonly total: string;
  /** DNF, DQ, DNS, LAPPED; empty while racing. */
  readonly status: string;
  readonly need: Need;
  /** Behind the leader at the line ("+3.4", "lead", "−1 lap"); empty without timing. */
  readonly gap: string;
  /** His group on the ice, 1 from the front; null when in none (lapped, not seen, no timing). */
  readonly group: number | null;
  readonly lastLap: string;
}

/** The standings panel. */
export interface StandingsModel {
  readonly heading: string;
  /** "SP1", "SP2", ... */
  readonly sprintColumns: readonly string[];
  readonly rows: readonly StandingLine[];
  /** The qualification line sits under this many rows (a semi); null: none. */
  readonly qualificationLine: number | null;
  /** A semi: the "needs" column is shown. */
  readonly needs: boolean;
}

const points = (value: number): string => (value > 0 ? String(value) : '');

/** The standings panel for the race on screen, with the loop's gaps when they are of it. */
export function standingsModel(race: RaceView, gaps: GapsView | null): StandingsModel {
  const { state, standings } = race;
  const bySkater = new Map((gaps?.skaters ?? []).map((skater) => [skater.bib, skater]));
  const rows = standings.rows.map((row): StandingLine => {
    // The groups leave out whoever is out of the race (DNF, DQ, DNS): no gap to give, not unknown.
    const loop = isRacing(state, row.bib) ? bySkater.get(row.bib) : undefined;
    const skater = skaterByBib(state, row.bib);
    const seen = isRacing(state, row.bib) ? unknown : '';
    return {
      bib: row.bib,
      rank: row.rank === null ? '' : String(row.rank),
      name: skater ? printName(skater) : row.name,
      nation: row.nation,
      sprints: row.sprints.map(points),
      final: points(row.final),
      total: String(row.total),
      status: row.status === 'OK' ? '' : row.status,
      need: needOf(row, standings.phase),
      gap: !gaps
        ? ''
        : !loop
          ? seen
          : loop.lapsBehind > 0
            ? lapsDownText(loop.lapsBehind)
            : gapText(loop.behindLeaderSeconds),
      group: loop?.group === null || loop?.group === undefined ? null : loop.group + 1,
      lastLap: !gaps ? '' : loop ? lapText(loop.lastLapMs) : seen,
    };
  });
  const semi = state.round === 'semi';
  return {
    heading: semi ? `Standings · top ${state.qualifiers} qualify` : 'Standings',
    sprintColumns: state.format.sprintLaps.map((_, index) => `SP${index + 1}`),
    rows,
    qualificationLine: standings.qualificationLine,
    needs: semi,
  };
}
