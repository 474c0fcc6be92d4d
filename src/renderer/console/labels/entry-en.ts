/**
 * Every entry read back (issue 19, part 3): a finish time as it will be recorded, the refusal of
 * a time for a skater still racing, the undo line saying what the board shows, the standings'
 * time column and the sprint correction on the shortcut sheet; spread into labels-en.ts.
 */
export const entryEn = {
  'entry.time': 'finish time',
  'problem.notFinished': '#{bib} has not finished: record the finish order first',
  'undo.lapsWould': 'the board would show {after} laps to go (it shows {before})',
  'undo.lapsShown': 'the board shows {after} laps to go (it showed {before})',
  'col.time': 'Time',
  'key.sprintCorrect':
    'Correct an earlier sprint, also after the finish: S brings the newest sprint into the line with its placings, ↑ the one before (sprint 2); overtype and Enter',
} as const;
