import { readFileSync } from 'node:fs';
import { presentBoard } from '../../src/shared/board/presenter.ts';
import type { BoardModel, BoardRow } from '../../src/shared/board/model.ts';
import type { RaceCommand } from '../../src/shared/race/events.ts';
import type { RaceState } from '../../src/shared/race/state.ts';
import { raceView } from '../../src/shared/race/view.ts';
import {
  defaultDisplaySettings,
  type BoardScene,
  type DisplaySettings,
  type ProgramView,
} from '../../src/shared/protocol/program.ts';
import type { HostSnapshotMessage } from '../../src/shared/protocol/snapshot.ts';
import { parseRaceSheet, sheetState } from '../../src/shared/sheet/sheet.ts';
import { defaultTimingSettings } from '../../src/shared/timing/settings.ts';
import { race } from './race.ts';

/** A program with one active race, the board on `scene`, the overlay's standings cut in. */
export function program(
  scene: BoardScene = 'live',
  display: Partial<DisplaySettings> = {},
): ProgramView {
  return {
    meeting: 'Milano Cortina 2026',
    revision: 0,
    races: [],
    activeRaceId: 'race-1',
    scenes: {
      board: scene,
      overlay: { lapsToGo: true, standings: true, sprint: false, result: false },
      auto: { board: false, overlay: false },
      held: { board: false, overlay: false },
    },
    display: { ...defaultDisplaySettings, ...display },
    timing: defaultTimingSettings,
    publicFeed: false,
  };
}

/** The snapshot a view receives for a race state (null: no active race). */
export function snapshot(
  state: RaceState | null,
  view: ProgramView = program(),
): HostSnapshotMessage {
  return {
    type: 'state',
    revision: 1,
    program: view,
    race: state === null ? null : raceView('race-1', 1, state),
  };
}

/** The board for a race built from commands (the engine decides; nothing hand-written). */
export function board(
  commands: RaceCommand[],
  view: ProgramView = program(),
  bannerActive = false,
): BoardModel {
  return presentBoard(snapshot(race(commands).state, view), { bannerActive });
}

/** The race state of a sheet fixture in test/fixtures/sheets. */
export function sheetFixture(name: string): RaceState {
  const text = readFileSync(new URL(`../fixtures/sheets/${name}.json`, import.meta.url), 'utf8');
  return sheetState(parseRaceSheet(text));
}

/** A row as a compact line: `rank #bib sp1|sp2|sp3 final total status Q detail` ("-" for empty). */
export function line(row: BoardRow): string {
  const cell = (text: string) => (text === '' ? '-' : text);
  return [
    cell(row.rank),
    `#${row.bib}`,
    row.sprints.map(cell).join('|'),
    cell(row.final),
    cell(row.total),
    cell(row.status),
    cell(row.qualified),
    cell(row.detail),
    row.dimmed ? 'dim' : '',
  ]
    .join(' ')
    .trimEnd();
}
