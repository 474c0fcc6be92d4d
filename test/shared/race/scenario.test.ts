import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finalistsFromSemis, finalStartList } from '../../../src/shared/race/helmets.ts';
import { computeStandings } from '../../../src/shared/race/standings.ts';
import { parseRaceSheet, sheetState } from '../../../src/shared/sheet/sheet.ts';

const sheet = (name: string) =>
  parseRaceSheet(readFileSync(`test/fixtures/sheets/${name}.json`, 'utf8'));
const row = (rows: ReturnType<typeof computeStandings>['rows'], name: string) =>
  rows.find((r) => r.name === name)!;

// Published figures: ../shared/docs/scenario.md (Milano Cortina 2026, men's mass start).
describe('Milano Cortina 2026 men, semi-final 1 (published figures)', () => {
  const standings = computeStandings(sheetState(sheet('mc2026-men-semi1')));
  const published: [number, string, number[], number, number][] = [
    [1, 'Antoine Gélinas-Beaulieu', [0, 0, 0], 60, 60],
    [2, 'Shomu Sasaki', [0, 0, 0], 40, 40],
    [3, 'Chung Jae-won', [1, 0, 0], 20, 21],
    [4, 'Jordan Stolz', [3, 0, 2], 6, 11],
    [5, 'Mathieu Belloir', [0, 0, 0], 10, 10],
    [6, 'Indra Médard', [0, 0, 0], 3, 3],
  ];

  it.each(published)('rank %i: %s', (rank, name, sprints, final, total) => {
    expect(row(standings.rows, name)).toMatchObject({
      rank,
      sprints,
      final,
      total,
      qualified: 'Q',
    });
  });

  it('ranks Stolz above Belloir, who crossed the line before him', () => {
    const stolz = row(standings.rows, 'Jordan Stolz');
    const belloir = row(standings.rows, 'Mathieu Belloir');
    expect(belloir.crossed!).toBeLessThan(stolz.crossed!);
    expect(stolz.rank!).toBeLessThan(belloir.rank!);
  });

  it('puts Bergsma 7th and Hald Thorup 8th, inside the line of eight', () => {
    expect(row(standings.rows, 'Jorrit Bergsma')).toMatchObject({ rank: 7, qualified: 'Q' });
    expect(row(standings.rows, 'Viktor Hald Thorup')).toMatchObject({ rank: 8, qualified: 'Q' });
    expect(standings.qualificationLine).toBe(8);
    expect(standings.rows.slice(8).every((r) => r.qualified === null)).toBe(true);
  });
});

describe('Milano Cortina 2026 men, the final', () => {
  it('builds the final start list from the semis: semi 1 rank k wears 2k-1, semi 2 rank k wears 2k', () => {
    const semis = ['mc2026-men-semi1', 'mc2026-men-semi2'].map((name) => {
      const state = sheetState(sheet(name));
      return { state, standings: computeStandings(state) };
    }) as [never, never];
    const finalists = finalistsFromSemis(semis);
    const helmets = Object.fromEntries(finalists.map((f) => [f.skater.name, f.helmet]));
    // Helmets published with the final's results.
    expect(helmets).toMatchObject({
      'Jorrit Bergsma': 13,
      'Viktor Hald Thorup': 15,
      'Andrea Giovannini': 8,
      'Jordan Stolz': 7,
      'Chung Jae-won': 5,
      'Antoine Gélinas-Beaulieu': 1,
    });
    expect(finalists.map((f) => f.helmet)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const finalSheet = sheet('mc2026-men-final');
    expect(
      finalStartList(finalists).map(({ bib, name, nation }) => ({ bib, name, nation })),
    ).toEqual(finalSheet.skaters.map(({ bib, name, nation }) => ({ bib, name, nation })));
  });

  it('gives Bergsma 68 points and the published top six', () => {
    const standings = computeStandings(sheetState(sheet('mc2026-men-final')));
    expect(
      standings.rows.slice(0, 6).map((r) => [r.rank, r.bib, r.name, r.nation, r.total]),
    ).toEqual([
      [1, 13, 'Jorrit Bergsma', 'NED', 68],
      [2, 15, 'Viktor Hald Thorup', 'DEN', 47],
      [3, 8, 'Andrea Giovannini', 'ITA', 21],
      [4, 7, 'Jordan Stolz', 'USA', 10],
      [5, 5, 'Chung Jae-won', 'KOR', 6],
      [6, 1, 'Antoine Gélinas-Beaulieu', 'CAN', 3],
    ]);
    expect(row(standings.rows, 'Jorrit Bergsma')).toMatchObject({ final: 60, total: 68 });
    expect(standings.qualificationLine).toBeNull();
    expect(standings.rows.every((r) => r.qualified === null)).toBe(true);
  });

  it('numbers a referee-advanced skater (q) after the qualifiers', () => {
    const semi1 = sheet('mc2026-men-semi1');
    const state1 = sheetState({ ...semi1, advanced: [11] });
    const state2 = sheetState(sheet('mc2026-men-semi2'));
    const finalists = finalistsFromSemis([
      { state: state1, standings: computeStandings(state1) },
      { state: state2, standings: computeStandings(state2) },
    ]);
    expect(finalists.at(-1)).toMatchObject({
      helmet: 17,
      qualified: 'q',
      skater: { name: 'Demo Skater Eleven' },
    });
  });
});
