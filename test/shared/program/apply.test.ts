import { describe, expect, it } from 'vitest';
import {
  applyProgramCommand,
  phaseNow,
  staleProgram,
  withRace,
  type ProgramChange,
  type ProgramContext,
  type RaceFacts,
} from '../../../src/shared/program/apply.ts';
import { emptyProgram, type ProgramFile } from '../../../src/shared/program/program-file.ts';
import { defaultDisplaySettings } from '../../../src/shared/protocol/program.ts';
import { parseProgramCommand } from '../../../src/shared/protocol/commands.ts';
import type { StandingsPhase } from '../../../src/shared/race/standings.ts';

/** Two semis, the first on the boards and live; auto mode on; revision 4. */
const program: ProgramFile = {
  ...emptyProgram('Test meeting'),
  revision: 4,
  races: [
    { id: 'semi-1', category: 'Men' },
    { id: 'semi-2', category: 'Men' },
  ],
  activeRaceId: 'semi-1',
};

const races = (phase: StandingsPhase = 'live'): ProgramContext => {
  const facts: Record<string, RaceFacts> = {
    'semi-1': { phase, revision: 12 },
    'semi-2': { phase: 'start', revision: 7 },
  };
  return { race: (id) => facts[id] ?? null };
};

const live = { raceId: 'semi-1', phase: 'live' } as const;

describe('applyProgramCommand: the program changes, as a table', () => {
  it.each<[string, ProgramChange, StandingsPhase, Partial<ProgramFile>]>([
    [
      'meeting/renamed renames the meeting',
      { type: 'meeting/renamed', name: 'Milano Cortina 2026' },
      'live',
      { meeting: 'Milano Cortina 2026' },
    ],
    [
      'race/activated puts another race on the boards',
      { type: 'race/activated', raceId: 'semi-2' },
      'live',
      { activeRaceId: 'semi-2' },
    ],
    [
      'scene/shown cuts the board by hand, held in the phase it was cut in',
      { type: 'scene/shown', output: 'board', scene: 'blank' },
      'live',
      {
        scenes: { ...program.scenes, board: 'blank', holds: { board: live, overlay: null } },
      },
    ],
    [
      'overlay/toggled cuts one element on top of what auto shows now (live: laps, sprint, needs)',
      { type: 'overlay/toggled', element: 'standings', visible: true },
      'live',
      {
        scenes: {
          ...program.scenes,
          overlay: {
            lapsToGo: true,
            standings: true,
            sprint: true,
            result: false,
            needs: true,
            breakaway: false,
            gap: true,
          },
          holds: { board: null, overlay: live },
        },
      },
    ],
    [
      'overlay/toggled after the finish: on top of the result lower third',
      { type: 'overlay/toggled', element: 'standings', visible: true },
      'final',
      {
        scenes: {
          ...program.scenes,
          overlay: {
            lapsToGo: false,
            standings: true,
            sprint: false,
            result: true,
            needs: false,
            breakaway: false,
            gap: false,
          },
          holds: { board: null, overlay: { raceId: 'semi-1', phase: 'finished' } },
        },
      },
    ],
    [
      'output/auto off keeps what the board shows now (live), so nothing jumps on air',
      { type: 'output/auto', output: 'board', auto: false },
      'live',
      { scenes: { ...program.scenes, board: 'live', auto: { board: false, overlay: true } } },
    ],
    [
      'output/auto off before the start keeps the start list',
      { type: 'output/auto', output: 'board', auto: false },
      'start',
      {
        scenes: { ...program.scenes, board: 'startList', auto: { board: false, overlay: true } },
      },
    ],
    [
      'display/configured changes the settings sent, keeps the rest',
      { type: 'display/configured', language: 'nl', overlayTop: 10, theme: undefined },
      'live',
      { display: { ...defaultDisplaySettings, language: 'nl', overlayTop: 10 } },
    ],
    [
      'race/removed takes a race off the program and keeps its revision in removedRevisions',
      { type: 'race/removed', raceId: 'semi-2' },
      'live',
      { races: [{ id: 'semi-1', category: 'Men' }], activeRaceId: 'semi-1', removedRevisions: 7 },
    ],
    [
      'race/removed of the active race once it is finished leaves no race on the boards',
      { type: 'race/removed', raceId: 'semi-1' },
      'final',
      { races: [{ id: 'semi-2', category: 'Men' }], activeRaceId: null, removedRevisions: 12 },
    ],
    [
      'race/removed of the active race before its start',
      { type: 'race/removed', raceId: 'semi-1' },
      'start',
      { races: [{ id: 'semi-2', category: 'Men' }], activeRaceId: null, removedRevisions: 12 },
    ],
  ])('%s', (_, command, phase, changes) => {
    const before = structuredClone(program);
    const decision = applyProgramCommand(program, command, races(phase));
    expect(decision).toMatchObject({ ok: true });
    if (!decision.ok) return;
    expect(decision.program).toEqual({ ...program, ...changes, revision: program.revision + 1 });
    expect(decision.effects).toEqual(
      command.type === 'race/removed' ? [{ type: 'race/removed', raceId: command.raceId }] : [],
    );
    expect(program).toEqual(before); // pure: the program passed in is not changed
  });

  it.each<[string, ProgramChange, StandingsPhase, number, string]>([
    [
      'race/activated of a race not in the program',
      { type: 'race/activated', raceId: 'nope' },
      'live',
      404,
      'race "nope" is not in the program',
    ],
    [
      'race/removed of a race not in the program',
      { type: 'race/removed', raceId: 'nope' },
      'live',
      404,
      'race "nope" is not in the program',
    ],
    [
      'race/removed of the active race while it is live',
      { type: 'race/removed', raceId: 'semi-1' },
      'live',
      409,
      'race "semi-1" is running on the boards: finish it, or activate another race, before removing it',
    ],
    [
      'race/removed of the active race while its finish order is entered',
      { type: 'race/removed', raceId: 'semi-1' },
      'finishing',
      409,
      'race "semi-1" is running on the boards: finish it, or activate another race, before removing it',
    ],
  ])('refuses %s', (_, command, phase, status, error) => {
    expect(applyProgramCommand(program, command, races(phase))).toEqual({
      ok: false,
      status,
      error,
    });
  });

  it('removes a race that is live but not on the boards', () => {
    const onSemi2 = { ...program, activeRaceId: 'semi-2' };
    const decision = applyProgramCommand(
      onSemi2,
      { type: 'race/removed', raceId: 'semi-1' },
      races('live'),
    );
    expect(decision).toMatchObject({ ok: true, program: { activeRaceId: 'semi-2' } });
  });
});

describe('the program revision', () => {
  it.each<[number | undefined, string | null]>([
    [undefined, null],
    [4, null],
    [3, 'stale revision: you sent 3, the program is at 4; reload and try again'],
    [5, 'stale revision: you sent 5, the program is at 4; reload and try again'],
  ])('sent %s against revision 4: %s', (expected, error) => {
    expect(staleProgram(program, expected)).toEqual(
      error === null ? null : { ok: false, status: 409, error },
    );
  });

  it('a new race moves it on too; the first race added goes on the boards', () => {
    const first = withRace(emptyProgram(), 'semi-1', 'Men');
    expect(first).toMatchObject({ revision: 1, activeRaceId: 'semi-1' });
    expect(withRace(first, 'semi-2', '')).toMatchObject({
      revision: 2,
      activeRaceId: 'semi-1',
      races: [
        { id: 'semi-1', category: 'Men' },
        { id: 'semi-2', category: '' },
      ],
    });
  });
});

describe('phaseNow: what auto mode follows', () => {
  it.each<[string | null, StandingsPhase, string]>([
    [null, 'live', 'none'],
    ['semi-1', 'start', 'start'],
    ['semi-1', 'finishing', 'live'],
    ['semi-1', 'official', 'official'],
    ['gone', 'live', 'none'],
  ])('active race %s in phase %s: output phase %s', (activeRaceId, phase, output) => {
    expect(phaseNow({ ...program, activeRaceId }, races(phase))).toEqual({
      raceId: activeRaceId,
      phase: output,
    });
  });
});

describe('settings changes as parsed from a request', () => {
  // The schema once filled every field left out with its default, so changing one setting reset
  // the others (the language reset the theme; auto laps turned the decoder off).
  it('change only the settings sent, for the display and for timing', () => {
    const configured: ProgramFile = {
      ...program,
      display: { ...defaultDisplaySettings, theme: 'high-contrast', overlayTop: 12 },
      timing: {
        url: 'p3://10.0.0.5:5403',
        autoLaps: false,
        minLapSeconds: 25,
        startSignal: null,
        groupGapSeconds: 1.5,
      },
    };
    const apply = (body: unknown) => {
      const decision = applyProgramCommand(
        configured,
        parseProgramCommand(body) as ProgramChange,
        races(),
      );
      if (!decision.ok) throw new Error(decision.error);
      return decision.program;
    };
    expect(apply({ type: 'display/configured', language: 'nl' }).display).toEqual({
      ...configured.display,
      language: 'nl',
    });
    expect(apply({ type: 'timing/configured', autoLaps: true }).timing).toEqual({
      url: 'p3://10.0.0.5:5403',
      autoLaps: true,
      minLapSeconds: 25,
      startSignal: null,
      groupGapSeconds: 1.5,
    });
    expect(apply({ type: 'timing/configured', url: null }).timing.url).toBeNull();
  });
});
