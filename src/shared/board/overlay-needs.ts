import type { Standing } from '../race/standings.ts';
import type { BoardLabels } from './labels.ts';
import type { LowerThirdModel, OverlayLine } from './model.ts';
import { lineOf, type OverlayRace } from './overlay-lines.ts';

/** How many skaters the "what they need" lower third names: the story around the line. */
const needsLines = 3;

/** How far standings index `index` is from the line under `places` rows (nearest first). */
function distanceFromLine(index: number, places: number): number {
  // The line sits between index places-1 and places; ties go to the skater above it.
  return index < places ? 2 * (places - 1 - index) : 2 * (index - places) + 1;
}

/**
 * "WHAT THEY NEED" (issue 18, part 2): in a running semi's last laps, the skaters still open
 * nearest the qualification line with what each needs ("NEEDS TOP 5"); when fewer than three
 * are open, the last who clinched and the first who can no longer make it say where the line
 * is. Null when nothing is open (the story is told), before the last laps and at the finish.
 */
export function presentNeeds(overlay: OverlayRace, labels: BoardLabels): LowerThirdModel | null {
  const { race, rows, lapBoard, qualification, lastLaps } = overlay;
  if (race.state.round !== 'semi' || !lastLaps || lapBoard.finished || qualification === null)
    return null;
  const places = race.state.qualifiers;
  const standings = race.standings.rows;
  const racing = standings
    .map((standing, index) => ({ standing, index }))
    .filter(({ standing }) => standing.status === 'OK');
  const open = racing
    .filter(({ standing }) => standing.qualification === 'open')
    .sort((a, b) => distanceFromLine(a.index, places) - distanceFromLine(b.index, places))
    .slice(0, needsLines);
  if (open.length === 0) return null;
  const lastClinched = racing.filter(({ standing }) => standing.qualification === 'Q').at(-1);
  const firstOut = racing.find(({ standing }) => standing.qualification === 'out');
  const context = [lastClinched, firstOut].filter((found) => found !== undefined);
  const chosen = [...open, ...context.slice(0, needsLines - open.length)].sort(
    (a, b) => a.index - b.index,
  );
  const byBib = new Map(rows.map((row) => [row.key, row]));
  const unit = labels.text('column.total');
  return {
    kind: 'needs',
    title: labels.text('whatTheyNeed'),
    note: qualification.label,
    noteTone: 'plain',
    lines: chosen.flatMap(({ standing }) => {
      const row = byBib.get(standing.bib);
      if (!row) return [];
      const { note, tone } = needsNote(standing, labels);
      return [lineOf(row, { value: row.total, unit, note, tone })];
    }),
  };
}

/** What a skater on the bubble needs, or has. */
function needsNote(
  standing: Standing,
  labels: BoardLabels,
): { note: string; tone: OverlayLine['tone'] } {
  if (standing.qualification === 'Q') return { note: labels.text('clinched'), tone: 'clinched' };
  if (standing.qualification === 'out') return { note: labels.text('eliminated'), tone: 'out' };
  const place = standing.safeFinish;
  const note =
    place === null
      ? labels.text('needsHelp')
      : place === 1
        ? labels.text('needsWin')
        : labels.text('needsTop', { place });
  return { note, tone: 'open' };
}
