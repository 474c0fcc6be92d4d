import { describe, expect, it } from 'vitest';
import { lapTimesModel } from '../../../src/renderer/commentator/model/lap-times.ts';
import { lapSix, lapsRun, raceAfter } from './fixtures.ts';

const race = raceAfter(lapsRun(6));

describe('lapTimesModel: each skater’s laps, read to read, in race order', () => {
  const model = lapTimesModel(race, lapSix);

  it('has a column for every lap of the race, so the table does not move as it goes on', () => {
    expect(model.laps).toEqual(Array.from({ length: 16 }, (_, k) => k + 1));
  });

  it('puts the skaters in race order, lapped last, each with his gap', () => {
    expect(model.rows.map((row) => row.bib)).toEqual([
      3, 12, 5, 7, 9, 1, 2, 4, 6, 8, 10, 11, 13, 14, 15, 16,
    ]);
    expect(model.rows.at(-1)).toMatchObject({
      position: 16,
      gap: '−1 lap',
      lapped: true,
      name: 'LIMA',
    });
    expect(model.rows[0]).toMatchObject({ position: 1, gap: 'lead', name: 'CHUNG' });
  });

  it('marks each skater’s last lap, and only that one', () => {
    for (const row of model.rows) {
      const last = row.cells.flatMap((cell, index) => (cell.last ? [index + 1] : []));
      expect(last).toEqual([lapSix.skaters.find((s) => s.bib === row.bib)!.laps]);
    }
    const leader = model.rows[0]!;
    expect(leader.cells.slice(0, 7).map((cell) => cell.text)).toEqual([
      '30.00',
      '30.01',
      '30.02',
      '30.03',
      '30.04',
      '30.05',
      '',
    ]);
  });

  it('a missed read is a dash, never an average', () => {
    const nine = model.rows.find((row) => row.bib === 9)!;
    expect(nine.cells.slice(2, 5).map((cell) => cell.text)).toEqual(['30.52', '–', '30.54']);
  });

  it('gives the race’s lap with who led it, and marks the laps each led', () => {
    expect(model.leader.slice(0, 2)).toEqual([
      { text: '30.00', bib: '#12' },
      { text: '30.01', bib: '#3' },
    ]);
    expect(model.leader[6]).toEqual({ text: '', bib: '' });
    const led = (bib: number) =>
      model.rows
        .find((row) => row.bib === bib)!
        .cells.flatMap((cell, index) => (cell.led ? [index + 1] : []));
    expect(led(12)).toEqual([1]);
    expect(led(3)).toEqual([2, 3, 4, 5, 6]);
    expect(led(5)).toEqual([]);
  });

  it('without the loop there are no rows (and no invented times)', () => {
    const empty = lapTimesModel(race, null);
    expect(empty.rows).toEqual([]);
    expect(empty.leader.every((cell) => cell.text === '')).toBe(true);
  });
});
