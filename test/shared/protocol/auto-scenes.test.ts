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
  overlay: { lapsToGo: false, standings: false, sprint: false, result: true },
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

  it('the overlay: laps bug before the gun, standings while racing, the result lower third after the finish', () => {
    expect(autoOverlay('start')).toEqual({
      lapsToGo: true,
      standings: false,
      sprint: true,
      result: false,
    });
    expect(autoOverlay('live')).toEqual({
      lapsToGo: true,
      standings: true,
      sprint: true,
      result: false,
    });
    expect(autoOverlay('finished')).toEqual({
      lapsToGo: false,
      standings: false,
      sprint: false,
      result: true,
    });
    expect(autoOverlay('official')).toEqual(autoOverlay('finished'));
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
