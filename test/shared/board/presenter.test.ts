import { describe, expect, it } from 'vitest';
import { presentBoard } from '../../../src/shared/board/presenter.ts';
import type { BoardModel } from '../../../src/shared/board/model.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { board, program, snapshot } from '../../support/board.ts';
import { finish, formatWith, opening, race, sprintsAt } from '../../support/race.ts';

const lap: RaceCommand = { type: 'lap/completed' };

/** The lap board as one line: figure, label, flag, bell label, finished. */
function lapBoard(model: BoardModel): string {
  const { figure, label, sprintFlag, bellLabel, finished } = model.lapBoard;
  return [figure, label, sprintFlag, bellLabel, finished ? 'finished' : null]
    .filter((part) => part !== null)
    .join(' · ');
}

describe('the board scene', () => {
  it('is empty and blank without an active race, but keeps the meeting and display settings', () => {
    const model = presentBoard(snapshot(null, program('live', { language: 'nl' })), {
      bannerActive: true,
    });
    expect(model).toMatchObject({
      empty: true,
      scene: 'blank',
      rows: [],
      sprintResult: null,
      meeting: 'Milano Cortina 2026',
      language: 'nl',
      qualificationLine: null,
    });
  });

  it.each(['blank', 'startList', 'live', 'results'] as const)(
    'shows the host’s %s scene',
    (scene) => {
      expect(board(opening(), program(scene)).scene).toBe(scene);
    },
  );

  it('puts the sprint banner over the live scene while it is up, and only when there is a result', () => {
    const placed = [...opening(), ...sprintsAt([[3, 1, 2]])];
    expect(board(placed, program('live'), true).scene).toBe('sprint');
    expect(board(placed, program('live'), false).scene).toBe('live');
    expect(board(opening(), program('live'), true).scene).toBe('live');
    expect(board(placed, program('results'), true).scene).toBe('results');
  });

  it('carries the title, meeting, theme and one SP column per sprint of the format', () => {
    const format = formatWith({ name: 'junior', laps: 10, sprintLaps: [3, 6] });
    const model = board(opening({ format }), program('live', { theme: 'high-contrast' }));
    expect([model.title, model.meeting, model.theme, model.empty]).toEqual([
      'Test race',
      'Milano Cortina 2026',
      'high-contrast',
      false,
    ]);
    expect(model.columns.sprints).toEqual(['SP1', 'SP2']);
  });
});

describe('the lap board (rules, "The race")', () => {
  it('counts down, flags the sprint laps at 13, 9, 5 and 1 to go, rings the bell on the last lap only', () => {
    const seen = [lapBoard(board(opening({ count: 4 }).slice(0, 2)))];
    for (let laps = 0; laps <= 15; laps++) {
      seen.push(lapBoard(board([...opening({ count: 4 }), ...Array<RaceCommand>(laps).fill(lap)])));
    }
    seen.push(lapBoard(board([...opening({ count: 4 }), ...finish([2])])));
    expect(seen).toEqual([
      '16 · LAPS TO GO',
      '16 · LAPS TO GO',
      '15 · LAPS TO GO',
      '14 · LAPS TO GO',
      '13 · LAPS TO GO · SPRINT 1 · 3-2-1',
      '12 · LAPS TO GO',
      '11 · LAPS TO GO',
      '10 · LAPS TO GO',
      '9 · LAPS TO GO · SPRINT 2 · 3-2-1',
      '8 · LAPS TO GO',
      '7 · LAPS TO GO',
      '6 · LAPS TO GO',
      '5 · LAPS TO GO · SPRINT 3 · 3-2-1',
      '4 · LAPS TO GO',
      '3 · LAPS TO GO',
      '2 · LAPS TO GO',
      '1 · LAP TO GO · FINAL SPRINT · 60-40-20-10-6-3 · LAST LAP',
      // Once the leader is home: FINISH on its own, no giant "0" (issue 18).
      ' · FINISH · finished',
    ]);
  });

  it('has not started before the start and has the bell flag on the last lap only', () => {
    expect(board(opening().slice(0, 2)).lapBoard).toMatchObject({ started: false, bell: false });
    expect(board([...opening(), ...finish([]).slice(0, 1)]).lapBoard.bell).toBe(true);
    expect(board([...opening(), ...finish([1])]).lapBoard).toMatchObject({
      bell: false,
      started: true,
      finished: true,
      lapsToGo: 0,
    });
  });

  it('speaks Dutch', () => {
    const dutch = program('live', { language: 'nl' });
    const lastLap = board([...opening(), ...finish([]).slice(0, 1)], dutch);
    expect(lapBoard(lastLap)).toBe(
      '1 · NOG TE GAAN · EINDSPRINT · 60-40-20-10-6-3 · LAATSTE RONDE',
    );
    expect(
      lapBoard(board([...opening(), { type: 'laps/corrected', lapsCompleted: 7 }], dutch)),
    ).toBe('9 · NOG TE GAAN · SPRINT 2 · 3-2-1');
    expect(lapBoard(board([...opening(), ...finish([1])], dutch))).toBe(' · FINISH · finished');
  });
});

describe('results, start list and overlay', () => {
  const finished = [...opening({ count: 3 }), ...finish([2, 1, 3])];

  it('marks results UNOFFICIAL until confirmed, then OFFICIAL, in both languages', () => {
    const confirmed: RaceCommand[] = [...finished, { type: 'results/confirmed' }];
    expect(board(finished, program('results')).results).toEqual({
      official: false,
      mark: 'UNOFFICIAL',
      heading: 'RESULTS',
    });
    expect(board(confirmed, program('results')).results).toEqual({
      official: true,
      mark: 'OFFICIAL',
      heading: 'RESULTS',
    });
    const dutch = program('results', { language: 'nl' });
    expect(board(finished, dutch).results.mark).toBe('NIET OFFICIEEL');
    expect(board(confirmed, dutch).results).toMatchObject({
      mark: 'OFFICIEEL',
      heading: 'UITSLAG',
    });
  });

  it('lists the start list in start-list order with helmet number, name and nation', () => {
    const skaters = [12, 3, 7].map((bib) => ({ bib, name: `Skater ${bib}`, nation: 'ITA' }));
    const setup: RaceCommand[] = [opening()[0]!, { type: 'startList/set', skaters }];
    const model = board(setup, program('startList', { language: 'nl' }));
    expect(model.startList.heading).toBe('STARTLIJST');
    expect(model.startList.rows.map((r) => [r.bib, r.name, r.nation, r.rank, r.total])).toEqual([
      ['12', 'Skater 12', 'ITA', '', ''],
      ['3', 'Skater 3', 'ITA', '', ''],
      ['7', 'Skater 7', 'ITA', '', ''],
    ]);
    expect(model.rows.map((r) => r.bib)).toEqual(['12', '3', '7']);
    const live = board([...setup, { type: 'race/started' }, ...sprintsAt([[7]])]);
    expect(live.rows.map((r) => r.bib)).toEqual(['7', '3', '12']);
    expect(live.startList.rows.map((r) => r.bib)).toEqual(['12', '3', '7']);
  });

  it('takes the overlay elements from the program and its layout from the display settings', () => {
    const view = program('live', {
      overlayPosition: 'bottom-right',
      overlayTop: 6,
      chromaKey: '#00ff00',
    });
    expect(
      presentBoard(snapshot(race(finished).state, view), { bannerActive: false }).overlay,
    ).toMatchObject({
      visible: { lapsToGo: true, standings: true, sprint: false, result: false, needs: false },
      position: 'bottom-right',
      top: 6,
      chromaKey: '#00ff00',
    });
  });
});
