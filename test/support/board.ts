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
      overlay: {
        lapsToGo: true,
        standings: true,
        sprint: false,
        result: false,
        needs: false,
        breakaway: false,
        gap: false,
      },
      auto: { board: false, overlay: false },
      held: { board: false, overlay: false },
    },
    display: { ...defaultDisplaySettings, ...display },
    timing: defaultTimingSettings,
    publicFeed: false,
    venue: '',
    meetingDate: null,
    timeZone: null,
    epoch: 1,
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

// ---- The far layout in the browser (issue 18): what the venue board's probes add, read by
// test/e2e/board-far.test.ts and test/e2e/board-shapes.test.ts.

/** A box in output pixels. */
export interface OutputBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A row as the board reports it since issue 18 (src/renderer/board/widgets/standings-table.ts). */
export interface FarRow {
  key: number;
  y: number;
  targetY: number;
  shown: boolean;
  rank: string;
  name: string;
  status: string;
  qualified: string;
  dimmed: boolean;
  band: BoardRow['band'];
  qualification: string;
  needs: string;
  names: string[];
  medal: BoardRow['medal'];
  drawn: { rank: string; name: string; total: string; mark: string };
  nameText: { fallback: boolean; font: string; scale: { x: number; y: number }; bounds: OutputBox };
  marks: {
    badge: string;
    badgeKind: '' | 'Q' | 'q' | 'status';
    badgeBox: OutputBox | null;
    needs: string;
    needsBox: OutputBox | null;
    medal: BoardRow['medal'];
    squeeze: number;
    shrink: number;
    qualifyingPlace: boolean;
  };
  box: OutputBox;
  layer: number;
}

/** The qualification line or bar as drawn. */
export interface FarLine {
  after: number;
  certain: boolean;
  label: string;
  note: string;
  box: OutputBox;
  thickness: number;
  pointing: 'up' | 'down' | null;
}

/** What a venue scene reports since issue 18. */
export interface FarView {
  scene: string;
  layout: 'far' | 'dense';
  rows: FarRow[];
  qualificationLine: FarLine | null;
  page: { index: number; count: number; rows: number[]; label: string };
  divider: OutputBox | null;
  columnHeaders?: { text: string; box: OutputBox }[];
  heading?: string;
  lapBoard?: {
    figure: string;
    label: string;
    sprintFlag: string | null;
    bell: string | null;
    figureColour: string;
    figurePlate: string | null;
    figureBox: OutputBox;
    sprintLines: string[];
  };
  banner?: {
    shown: boolean;
    heading: string;
    placings: string[];
    nameTexts: { font: string; bounds: OutputBox }[];
    drawnNames: string[];
    box: OutputBox | null;
  };
}

/** Whether two boxes overlap (touching edges do not). */
export function overlaps(a: OutputBox, b: OutputBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The font size in px of a CSS font ("600 60px ..."). */
export function fontPx(font: string): number {
  const size = /([\d.]+)px/.exec(font);
  if (!size) throw new Error(`fontPx: no size in "${font}"`);
  return Number(size[1]);
}

/**
 * Rows of a PNG region whose pixels differ clearly from the region's most common colour (its
 * background): the height of the ink there, in pixels.
 */
export function inkRows(
  png: { width: number; height: number; data: Uint8Array },
  box: OutputBox,
): number {
  const x0 = Math.max(0, Math.floor(box.x));
  const x1 = Math.min(png.width, Math.ceil(box.x + box.width));
  const y0 = Math.max(0, Math.floor(box.y));
  const y1 = Math.min(png.height, Math.ceil(box.y + box.height));
  const at = (x: number, y: number) => {
    const i = (y * png.width + x) * 4;
    return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
  };
  const counts = new Map<string, number>();
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const key = at(x, y).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  const background = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])[0]![0]
    .split(',')
    .map(Number);
  let first = -1;
  let last = -1;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const pixel = at(x, y);
      if (Math.max(...pixel.map((c, i) => Math.abs(c - background[i]!))) > 96) {
        if (first < 0) first = y;
        last = y;
        break;
      }
    }
  return first < 0 ? 0 : last - first + 1;
}
