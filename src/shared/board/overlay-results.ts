import type { BoardLabels } from './labels.ts';
import type { LowerThirdModel, ResultsModel } from './model.ts';
import { badgeOf, lineOf, type OverlayRace } from './overlay-lines.ts';

/** How many the leaders' lower third names (a result cut in while the race still runs). */
const leaderLines = 3;

/** The newest sprint's placings with the points they earned. */
export function presentSprint(
  { rows, sprintResult }: OverlayRace,
  labels: BoardLabels,
): LowerThirdModel | null {
  if (sprintResult === null) return null;
  const byBib = new Map(rows.map((row) => [row.bib, row]));
  const unit = labels.text('column.total');
  return {
    kind: 'sprint',
    title: sprintResult.heading,
    note: '',
    noteTone: 'plain',
    lines: sprintResult.placings.map((placing) => {
      const row = byBib.get(placing.bib);
      return {
        key: Number(placing.bib),
        place: placing.place,
        medal: null,
        bib: placing.bib,
        name: placing.name,
        names: row?.names ?? [placing.name],
        nation: placing.nation,
        value: placing.points,
        // A disqualified skater's lost points show as "DQ": no unit after a word.
        unit: /^\d+$/.test(placing.points) ? unit : '',
        badge: '',
        note: '',
        tone: 'plain',
      };
    }),
  };
}

/**
 * The outcome (issue 18: "results say the outcome"): a finished semi names the skaters who go to
 * the final (Q by rank, q by the referee) under "QUALIFIED FOR THE FINAL"; a finished final the
 * podium with medal discs and times. Cut in while the race runs, it names the leaders.
 */
export function presentResult(
  { race, rows, results }: OverlayRace,
  labels: BoardLabels,
): LowerThirdModel | null {
  const { phase } = race.standings;
  const finished = phase === 'final' || phase === 'official';
  const points = labels.text('column.total');
  if (finished && race.state.round === 'semi') {
    const through = rows.filter((row) => row.qualified !== '');
    if (through.length > 0)
      return {
        kind: 'qualified',
        title: labels.text('qualifiedForFinal'),
        note: results.mark,
        noteTone: markTone(results),
        lines: through.map((row) =>
          lineOf(row, { value: '', badge: badgeOf(row, labels), tone: 'clinched' }),
        ),
      };
  }
  if (finished && race.state.round === 'final') {
    const podium = rows.filter((row) => row.medal !== null);
    if (podium.length > 0)
      return {
        kind: 'podium',
        title: labels.text('results'),
        note: results.mark,
        noteTone: markTone(results),
        lines: podium.map((row) =>
          lineOf(row, {
            medal: row.medal,
            // The time where the finish was timed; else the points that ranked them.
            value: row.detail !== '' ? row.detail : row.total,
            unit: row.detail !== '' ? '' : points,
          }),
        ),
      };
  }
  const leaders = rows.filter((row) => row.band === 'ranked').slice(0, leaderLines);
  if (leaders.length === 0) return null;
  return {
    kind: 'leaders',
    title: finished ? labels.text('results') : labels.text('standings'),
    note: finished ? results.mark : '',
    noteTone: finished ? markTone(results) : 'plain',
    lines: leaders.map((row) => lineOf(row, { unit: points })),
  };
}

/** The results' mark as a note's colour. */
function markTone(results: ResultsModel): LowerThirdModel['noteTone'] {
  return results.official ? 'official' : 'unofficial';
}
