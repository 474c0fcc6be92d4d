// The broadcast overlay's model (issue 18, part 5): a one-line laps bug, the standings panel
// with its title strip, and lower thirds that say the outcome; all decided by the engine's own
// standings, nothing hand-written.
import { describe, expect, it } from 'vitest';
import type { BoardModel, OverlayLine } from '../../../src/shared/board/model.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { presentBoard } from '../../../src/shared/board/presenter.ts';
import { board, program, snapshot } from '../../support/board.ts';
import { finish, formatWith, lapsTo, opening, sprintsAt } from '../../support/race.ts';

const semi = (count = 12) => opening({ round: 'semi', count });
const overlay = (commands: RaceCommand[], language: 'en' | 'de' | 'it' = 'en') =>
  board(commands, program('live', { language })).overlay;
/** A line as "place name value unit badge note" with empty parts left out. */
const said = (line: OverlayLine) =>
  [line.medal ?? line.place, line.name, line.value, line.unit, line.badge, line.note]
    .filter((part) => part !== '')
    .join(' ');

describe('the laps bug: one line', () => {
  it.each([
    ['before the gun', opening(), '16 LAPS TO GO', 'laps'],
    ['a lap without a sprint', [...opening(), lapsTo(1)], '15 LAPS TO GO', 'laps'],
    [
      'the sprint lap says its worth',
      [...opening(), lapsTo(3)],
      '13 LAPS TO GO · SPRINT 1 · 3-2-1',
      'laps',
    ],
    [
      'one lap to go is the bell',
      [...opening(), lapsTo(15)],
      'LAST LAP · FINAL SPRINT · 60-40-20-10-6-3',
      'bell',
    ],
    ['the leader home', [...opening(), ...finish([1])], 'FINISH', 'finish'],
  ] as const)('%s: "%s"', (_, commands, text, state) => {
    const { bug } = overlay([...commands]);
    expect(bug.text).toBe(text);
    expect(bug.state).toBe(state);
    // The parts are the line: figure and label, then the flag.
    expect(
      [bug.figure, bug.label].filter(Boolean).join(' ') + (bug.flag ? ` · ${bug.flag}` : ''),
    ).toBe(text);
  });

  it('in German and Italian', () => {
    const bell = [...opening(), lapsTo(15)];
    expect(overlay(bell, 'de').bug.text).toBe('LETZTE RUNDE · SCHLUSSSPRINT · 60-40-20-10-6-3');
    expect(overlay([...opening(), lapsTo(3)], 'it').bug.text).toBe(
      '13 GIRI ALLA FINE · SPRINT 1 · 3-2-1',
    );
  });

  it('is empty without an active race', () => {
    const model = presentBoard(snapshot(null, program('live')), { bannerActive: false });
    expect(model.overlay.bug.text).toBe('');
    expect([model.overlay.sprint, model.overlay.result, model.overlay.needs]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('the standings panel', () => {
  it('before the first sprint: "STANDINGS", no key, the first rows (nobody has points)', () => {
    const { standings } = overlay([...semi(), lapsTo(2)]);
    expect(standings.title).toBe('STANDINGS');
    expect(standings.key).toBeNull();
    expect(standings.lines).toHaveLength(8);
    expect(standings.lineAfter).toBeNull();
  });

  it('after sprint 2: titled by it, keyed by its result, only the skaters with points', () => {
    const commands = [
      ...semi(),
      ...sprintsAt([
        [7, 4, 2],
        [4, 9, 1],
      ]),
    ];
    const model: BoardModel = board(commands, program('live'));
    const { standings } = model.overlay;
    expect(standings.title).toBe('STANDINGS AFTER SPRINT 2');
    expect(standings.key).toBe(model.sprintResult!.key);
    expect(standings.lines.map(said)).toEqual([
      '1 Skater 4 5',
      '2 Skater 7 3',
      '3 Skater 9 2',
      '4 Skater 1 1',
      '4 Skater 2 1',
    ]);
    // Five ranked, eight go through: no line under a skater without points.
    expect(standings.lineAfter).toBeNull();
    // A corrected sprint is a new key: the panel comes up again.
    const corrected = board(
      [...commands, { type: 'sprint/placed', sprint: 2, bibs: [4, 9, 3] }],
      program('live'),
    ).overlay.standings;
    expect(corrected.key).not.toBe(standings.key);
    expect(corrected.key).not.toBeNull();
  });

  it('the qualification line between the 8th and 9th once more than 8 are ranked; top N from the display settings', () => {
    const commands = [
      ...semi(),
      ...sprintsAt([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]),
    ];
    const model = board(commands, program('live', { overlayTop: 10 })).overlay.standings;
    expect(model.lines).toHaveLength(9);
    expect(model.lineAfter).toBe(8);
    expect(
      board(commands, program('live', { overlayTop: 6 })).overlay.standings.lines,
    ).toHaveLength(6);
  });

  it('the finish takes the key away (the result lower third tells it)', () => {
    const commands = [...semi(), ...sprintsAt([[1, 2, 3]]), ...finish([1, 2, 3])];
    const { standings } = overlay(commands);
    expect(standings.key).toBeNull();
    expect(standings.title).toBe('STANDINGS');
  });
});

describe('lower thirds that say the outcome', () => {
  it('a sprint: its placings with points', () => {
    const sprint = overlay([...semi(), ...sprintsAt([[7, 4, 2]])]).sprint!;
    expect([sprint.kind, sprint.title]).toEqual(['sprint', 'SPRINT 1']);
    expect(sprint.lines.map(said)).toEqual([
      '1 Skater 7 3 PTS',
      '2 Skater 4 2 PTS',
      '3 Skater 2 1 PTS',
    ]);
  });

  it('a finished semi: QUALIFIED FOR THE FINAL with the K names, Q and the referee’s q', () => {
    const order = [3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const finished = [...semi(), ...sprintsAt([[1, 2, 3]]), ...finish(order)];
    const result = overlay(finished).result!;
    expect([result.kind, result.title, result.note]).toEqual([
      'qualified',
      'QUALIFIED FOR THE FINAL',
      'UNOFFICIAL',
    ]);
    expect(result.lines.map(said)).toEqual([
      '1 Skater 3 Q',
      '2 Skater 1 Q',
      '3 Skater 2 Q',
      '4 Skater 4 Q',
      '5 Skater 5 Q',
      '6 Skater 6 Q',
      '7 Skater 7 Q',
      '8 Skater 8 Q',
    ]);
    const advanced = overlay([
      ...finished,
      { type: 'qualifier/advanced', bib: 11 },
      { type: 'results/confirmed' },
    ]).result!;
    expect(advanced.note).toBe('OFFICIAL');
    expect(advanced.lines.map(said).at(-1)).toBe('11 Skater 11 q');
    expect(overlay(finished, 'de').result!.title).toBe('FÜR DAS FINALE QUALIFIZIERT');
  });

  it('a finished final: the podium with medal discs and times', () => {
    const finished = [
      ...opening({ round: 'final', count: 8 }),
      ...sprintsAt([[5, 6, 7]]),
      ...finish([4, 2, 8, 1, 3, 5, 6, 7]),
      { type: 'finish/timed', bib: 4, time: 462_490 },
      { type: 'finish/timed', bib: 2, time: 462_610 },
      { type: 'finish/timed', bib: 8, time: 463_050 },
    ] as RaceCommand[];
    const result = overlay(finished).result!;
    expect([result.kind, result.title, result.note]).toEqual(['podium', 'RESULTS', 'UNOFFICIAL']);
    expect(result.lines.map(said)).toEqual([
      'gold Skater 4 7:42.49',
      'silver Skater 2 7:42.61',
      'bronze Skater 8 7:43.05',
    ]);
  });

  it('cut in while the race runs: the three leaders with their points', () => {
    const result = overlay([...semi(), ...sprintsAt([[7, 4, 2], [4]])]).result!;
    expect([result.kind, result.title]).toEqual(['leaders', 'STANDINGS']);
    expect(result.lines.map(said)).toEqual([
      '1 Skater 4 5 PTS',
      '2 Skater 7 3 PTS',
      '3 Skater 2 1 PTS',
    ]);
  });

  it('nothing to say before anyone has points', () => {
    expect(overlay(semi()).result).toBeNull();
    expect(overlay(semi()).sprint).toBeNull();
  });
});

describe('WHAT THEY NEED: around the line in a semi’s last laps', () => {
  // Sprints worth 30-20-10 and no podium rule: some clinch, some are out before the finish.
  const format = formatWith({
    intermediatePoints: [30, 20, 10],
    finalPoints: [10, 6, 3],
    podiumByFinishOrder: 0,
  });
  const race = (...more: RaceCommand[]) => [
    ...opening({ round: 'semi', count: 6, qualifiers: 3, format }),
    ...sprintsAt(
      [
        [1, 2, 3],
        [1, 2, 4],
        [1, 3, 4],
      ],
      format,
    ),
    ...more,
  ];
  const needs = (commands: RaceCommand[], language: 'en' | 'de' | 'it' = 'en') =>
    overlay(commands, language).needs;

  it('at the bell: the open skaters with what they need, and the last who clinched', () => {
    // 1: 90, 2: 40, 3: 30, 4: 20 points; the finish pays 10-6-3, the top 3 go through. 2 is
    // through: only 1 and 3 can end above him (4 reaches 30 at most). 3 is safe finishing 3rd
    // (33 against 4's 30 at most), not 4th (4 winning ties him at 30 and crossed first). No
    // finish of his own puts 4 through: 3 finishing 2nd has 36.
    const model = board(race(lapsTo(15)), program('live'));
    const found = model.overlay.needs!;
    expect([found.kind, found.title, found.note]).toEqual([
      'needs',
      'WHAT THEY NEED',
      'QUALIFICATION · TOP 3',
    ]);
    expect(found.lines.map(said)).toEqual([
      '2 Skater 2 40 PTS QUALIFIED',
      '3 Skater 3 30 PTS NEEDS TOP 3',
      '4 Skater 4 20 PTS NEEDS HELP',
    ]);
    expect(found.lines.map((line) => line.tone)).toEqual(['clinched', 'open', 'open']);
    // The same words as the venue board's rows, where it has them.
    const rows = new Map(model.rows.map((row) => [row.key, row]));
    expect(rows.get(3)!.needs).toBe('NEEDS TOP 3');
  });

  it('nobody clinched yet: the first who can no longer make it says where the line is', () => {
    // One sprint worth 20-15, one goes through. 1 (20) is safe finishing 2nd (26 against 2's
    // 25 at most); 2 (15) needs 1 to falter; 3 and 4 (0) can reach 10 at most: out.
    const oneSprint = formatWith({
      sprintLaps: [4],
      intermediatePoints: [20, 15],
      finalPoints: [10, 6, 3],
      podiumByFinishOrder: 0,
    });
    const commands = [
      ...opening({ round: 'semi', count: 4, qualifiers: 1, format: oneSprint }),
      ...sprintsAt([[1, 2]], oneSprint),
      lapsTo(15),
    ];
    const lines = overlay(commands).needs!.lines;
    expect(lines.map(said)).toEqual([
      '1 Skater 1 20 PTS NEEDS TOP 2',
      '2 Skater 2 15 PTS NEEDS HELP',
      'Skater 3 0 PTS ELIMINATED',
    ]);
    expect(lines.map((line) => line.tone)).toEqual(['open', 'open', 'out']);
  });

  it('after the last intermediate sprint too (the venue board’s "needs" moment)', () => {
    expect(needs(race(lapsTo(13)))).not.toBeNull();
  });

  it('nothing before the last laps, at the finish, or in a final', () => {
    const early = [
      ...opening({ round: 'semi', count: 6, qualifiers: 3, format }),
      ...sprintsAt([[1, 2, 3]], format),
    ];
    expect(needs(early)).toBeNull();
    expect(needs(race(...finish([1]))), 'the leader home').toBeNull();
    expect(
      overlay([...opening({ round: 'final', count: 6 }), ...sprintsAt([[1], [2], [3]]), lapsTo(15)])
        .needs,
    ).toBeNull();
  });

  it('in German and Italian', () => {
    const de = needs(race(lapsTo(15)), 'de')!;
    expect(de.title).toBe('WAS SIE BRAUCHEN');
    expect(de.lines.map((line) => line.note)).toEqual([
      'QUALIFIZIERT',
      'BRAUCHT TOP 3',
      'BRAUCHT HILFE',
    ]);
    expect(needs(race(lapsTo(15)), 'it')!.title).toBe('COSA SERVE');
  });
});
