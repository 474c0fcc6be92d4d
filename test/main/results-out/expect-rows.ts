import { expect } from 'vitest';
import type { RaceState } from '../../../src/shared/race/state.ts';
import { raceResults } from '../../../src/shared/results/rows.ts';
import { markOf } from '../../../src/shared/results/sheet.ts';

const squeeze = (line: string) => line.trim().replace(/\s+/g, ' ');

/** The words a results row prints, left to right, around its name. */
export function expectedLines(state: RaceState): { before: string; name: string; after: string }[] {
  return raceResults(state).rows.map((row) => {
    const noPoints = row.status === 'DQ' || row.status === 'DNS';
    const points = (value: number) => (noPoints || value === 0 ? '' : String(value));
    const words = (values: string[]) => values.filter(Boolean).join(' ');
    return {
      before: words([row.rank === null ? '' : String(row.rank), String(row.bib)]),
      name: row.name,
      after: words([
        row.nation,
        ...row.sprints.map(points),
        points(row.final),
        noPoints ? '' : String(row.total),
        row.time ?? '',
        markOf(row),
      ]),
    };
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every standings row is one line of the text layer, in ranking order, with its words in column
 * order (a name too long for its column may be cut short with "…"); returns each row's line.
 */
export function expectStandings(text: string, state: RaceState): number[] {
  const lines = text.split('\n').map(squeeze);
  const at = expectedLines(state).map(({ before, name, after }) => {
    const pattern = new RegExp(`^${escape(before)} (.+?) ${escape(after)}$`);
    const found = lines.flatMap((line, index) => {
      const printed = pattern.exec(line)?.[1];
      if (printed === undefined) return [];
      const whole = printed === name;
      const cut = printed.endsWith('…') && name.startsWith(printed.slice(0, -1).trimEnd());
      return whole || cut ? [index] : [];
    });
    expect(found, `row "${before} ${name} ${after}" in\n${text}`).toHaveLength(1);
    return found[0]!;
  });
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  return at;
}
