import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JournalEntry, RaceCommand } from '../../../src/shared/race/events.ts';
import { RaceHistory } from '../../../src/shared/race/history.ts';
import { raceView, type RaceView } from '../../../src/shared/race/view.ts';
import { parseRaceSheet, sheetCommands, type RaceSheet } from '../../../src/shared/sheet/sheet.ts';

/** A race and its journal, time-stamped a second apart from `startAt`. */
export interface StampedRace {
  readonly race: RaceView;
  readonly journal: readonly JournalEntry[];
}

/** Journals commands with times one second apart (the race starts at `startAt`). */
export function stampedRace(
  id: string,
  commands: readonly RaceCommand[],
  startAt = '2026-02-21T14:00:00.000Z',
): StampedRace {
  const history = new RaceHistory();
  const start = Date.parse(startAt);
  commands.forEach((command, index) => {
    const at = new Date(start + index * 1000).toISOString();
    const decision = history.decide(command, { at, source: 'test' });
    if (!decision.ok) throw new Error(`${command.type}: ${decision.error}`);
    history.commit(decision);
  });
  return {
    race: raceView(id, history.entries.length, history.state),
    journal: history.entries,
  };
}

/** A fixture sheet of test/fixtures/sheets. */
export function fixtureSheet(name: string): RaceSheet {
  const file = join(import.meta.dirname, '../../fixtures/sheets', name);
  return parseRaceSheet(JSON.parse(readFileSync(file, 'utf8')));
}

/** The race a fixture sheet describes, optionally confirmed official. */
export function fixtureRace(name: string, options: { official?: boolean } = {}): StampedRace {
  const commands = sheetCommands(fixtureSheet(name));
  if (options.official) commands.push({ type: 'results/confirmed' });
  return stampedRace(name.replace(/\.json$/, ''), commands);
}

const scratch = mkdtempSync(join(tmpdir(), 'results-pdf-'));
let counter = 0;

/** The text layer of a PDF, as `pdftotext -layout` reads it. */
export function pdfText(pdf: Buffer): string {
  const file = join(scratch, `sheet-${++counter}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Renders page 1 to test-results/results/<name>.png for a person to look at; returns its path. */
export function keepPng(pdf: Buffer, name: string): string {
  const dir = join(import.meta.dirname, '../../../test-results/results');
  mkdirSync(dir, { recursive: true });
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    join(dir, name),
  ]);
  return join(dir, `${name}.png`);
}

const names: readonly (readonly [string, string])[] = [
  ['Metoděj Jílek', 'CZE'],
  ['Håvard Bøkko', 'NOR'],
  ['Antoine Gélinas-Beaulieu', 'CAN'],
  ['Łukasz Demo', 'POL'],
  ['Demo Čech', 'CZE'],
  ['Jorrit Bergsma', 'NED'],
  ['Bart Swings', 'BEL'],
  ['Andrea Giovannini', 'ITA'],
  ['Viktor Hald Thorup', 'DEN'],
  ['Chung Jae-won', 'KOR'],
  ['Shomu Sasaki', 'JPN'],
  ['Jordan Stolz', 'USA'],
  ['Mathieu Belloir', 'FRA'],
  ['Indra Médard', 'BEL'],
  ['Stijn van de Bunt', 'NED'],
  ['Demo Skater Sixteen', 'GER'],
  ['Demo Skater Seventeen', 'AUT'],
  ['Demo Skater Eighteen', 'SUI'],
  ['Demo Skater Nineteen', 'KAZ'],
  ['Demo Skater Twenty', 'CHN'],
  ['Demo Skater Twenty-One', 'EST'],
  ['Demo Skater Twenty-Two', 'LAT'],
  ['Demo Skater Twenty-Three', 'GBR'],
  ['Demo Skater Twenty-Four With A Very Long Double-Barrelled Name', 'NZL'],
];

/**
 * A semi-final of 24 with every mark: Q (first 8), q (the referee advances 12), DNF with laps
 * (21, 22), DQ (23), DNS (20), LAPPED (24), times for the finishers.
 */
export function everyStatusRace(
  options: { official?: boolean; skaters?: number } = {},
): StampedRace {
  const count = options.skaters ?? 24;
  const skaters = Array.from({ length: count }, (_, index) => {
    const [name, nation] = names[index % names.length]!;
    return { bib: index + 1, name: index < names.length ? name : `${name} ${index + 1}`, nation };
  });
  const sheet = parseRaceSheet({
    format: 'isu-2018',
    round: 'semi',
    qualifiers: 8,
    title: 'Men · Mass Start · Semi-final 2',
    skaters,
    sprints: [
      [5, 9, 3],
      [16, 2, 21],
      [7, 5, 11],
    ],
    finish: [
      ...Array.from({ length: 19 }, (_, index) => index + 1),
      ...Array.from({ length: Math.max(0, count - 24) }, (_, index) => index + 25),
      24,
    ],
    status: { '20': 'DNS', '21': 'DNF', '22': 'DNF', '23': 'DQ', '24': 'LAPPED' },
    laps: { '21': 9, '22': 3, '24': 15 },
    advanced: [12],
  });
  const commands = sheetCommands(sheet);
  for (const bib of sheet.finish) {
    if (bib === 24) continue;
    commands.push({ type: 'finish/timed', bib, time: 462_490 + bib * 137 });
  }
  if (options.official) commands.push({ type: 'results/confirmed' });
  return stampedRace('every-status', commands);
}
