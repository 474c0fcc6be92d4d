import { describe, expect, it } from 'vitest';
import {
  autoBoardScene,
  autoOverlay,
  cutBoard,
  cutOverlay,
  effectiveScenes,
  outputPhase,
  setAuto,
  type PhaseKey,
  type StoredScenes,
} from '../../../src/shared/protocol/auto-scenes.ts';

const stored: StoredScenes = {
  board: 'blank',
  overlay: {
    lapsToGo: false,
    standings: false,
    sprint: false,
    result: true,
    needs: false,
    breakaway: false,
    gap: false,
  },
  auto: { board: true, overlay: true },
  holds: { board: null, overlay: null },
};
const at = (phase: PhaseKey['phase'], raceId: string | null = 'semi-1'): PhaseKey => ({
  raceId,
  phase,
});

describe('auto mode: the outputs follow the race (issue 9)', () => {
  it.each([
    [null, 'none', 'blank'],
    ['start', 'start', 'startList'],
    ['live', 'live', 'live'],
    ['finishing', 'live', 'live'],
    ['final', 'finished', 'results'],
    ['official', 'official', 'results'],
  ] as const)('standings phase %s is output phase %s: the board shows %s', (phase, out, scene) => {
    expect(outputPhase(phase)).toBe(out);
    expect(autoBoardScene(outputPhase(phase))).toBe(scene);
    expect(effectiveScenes(stored, at(out)).board).toBe(scene);
  });

  // Issue 18, part 5: the standings are never on air for a whole phase in auto (the board puts
  // them up after each sprint); `needs` is armed while racing (the board draws it in a semi's
  // last laps only). Issue 21: the breakaway is never on air for a phase either (the board puts
  // it up when a break forms or moves); the gap bug is armed while racing (drawn only while a
  // group is away). Columns: laps bug, standings, sprint, result, needs, breakaway, gap.
  it.each([
    ['none', [false, false, false, false, false, false, false]],
    ['start', [true, false, true, false, false, false, false]],
    ['live', [true, false, true, false, true, false, true]],
    ['finished', [false, false, false, true, false, false, false]],
    ['official', [false, false, false, true, false, false, false]],
  ] as const)(
    'the overlay in phase %s cuts in %j',
    (phase, [lapsToGo, standings, sprint, result, needs, breakaway, gap]) => {
      expect(autoOverlay(phase)).toEqual({
        lapsToGo,
        standings,
        sprint,
        result,
        needs,
        breakaway,
        gap,
      });
      expect(effectiveScenes(stored, at(phase)).overlay).toEqual(autoOverlay(phase));
      expect(effectiveScenes(stored, at(phase)).held.overlay).toBe(false);
    },
  );

  it('standings cut in by hand stay on air for the phase (held), and auto takes them out after it', () => {
    const now = at('live');
    const cut = cutOverlay(
      stored,
      { ...effectiveScenes(stored, now).overlay, standings: true },
      now,
    );
    const live = effectiveScenes(cut, now);
    expect(live.overlay).toEqual({ ...autoOverlay('live'), standings: true });
    // Held: the board shows them steadily instead of timing them after each sprint.
    expect(live.held.overlay).toBe(true);
    expect(effectiveScenes(cut, at('finished')).overlay.standings).toBe(false);
    expect(effectiveScenes(cut, at('finished')).held.overlay).toBe(false);
  });

  it('a manual cut holds in its phase and ends at the next phase change', () => {
    const cut = cutBoard(stored, 'blank', at('live'));
    expect(effectiveScenes(cut, at('live'))).toMatchObject({
      board: 'blank',
      held: { board: true, overlay: false },
    });
    expect(effectiveScenes(cut, at('finished'))).toMatchObject({
      board: 'results',
      held: { board: false },
    });
    // Another race on the boards is a phase change too.
    expect(effectiveScenes(cut, at('live', 'semi-2')).board).toBe('live');
  });

  it('an overlay cut holds the whole overlay as cut, for its phase only', () => {
    const overlay = { ...autoOverlay('live'), standings: false };
    const cut = cutOverlay(stored, overlay, at('live'));
    expect(effectiveScenes(cut, at('live')).overlay).toEqual(overlay);
    expect(effectiveScenes(cut, at('finished')).overlay).toEqual(autoOverlay('finished'));
  });

  it('auto off: the manual choice stays through every phase; turning it off keeps what is on air', () => {
    const off = setAuto(stored, 'board', false, at('live'));
    expect(off.board).toBe('live'); // what auto showed at that moment
    expect(effectiveScenes(off, at('finished')).board).toBe('live');
    expect(effectiveScenes(off, at('finished')).held.board).toBe(false);
    const manual = cutBoard(off, 'startList', at('finished'));
    expect(effectiveScenes(manual, at('official')).board).toBe('startList');
    // The overlay is a separate output: still on auto.
    expect(effectiveScenes(manual, at('official')).overlay).toEqual(autoOverlay('official'));
  });

  it('auto back on ends a manual hold at once', () => {
    const cut = cutBoard(stored, 'blank', at('live'));
    const on = setAuto(cut, 'board', true, at('live'));
    expect(effectiveScenes(on, at('live'))).toMatchObject({
      board: 'live',
      held: { board: false },
    });
  });
});
