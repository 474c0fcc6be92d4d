// `massstart standings` on a running semi-final (issue 18): each row says what the skater still
// needs, through the CLI's in-process entry.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingsCommand } from '../../../src/main/cli/main.ts';
import { qualificationOutlook } from '../../../src/shared/race/qualification.ts';
import { parseRaceSheet, sheetState } from '../../../src/shared/sheet/sheet.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-outlook-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A semi of 12 (K = 8) after sprint 3, every sprint 3-7-12, #11 disqualified: no finish yet. */
const running = JSON.stringify({
  format: 'isu-2018',
  round: 'semi',
  qualifiers: 8,
  skaters: Array.from({ length: 12 }, (_, i) => ({ bib: i + 1, name: `Skater ${i + 1}` })),
  sprints: [
    [3, 7, 12],
    [3, 7, 12],
    [3, 7, 12],
  ],
  status: { '11': 'DQ' },
});

/** Runs `massstart standings ARGS` in process; returns what it printed. */
async function standings(...args: string[]): Promise<string> {
  let printed = '';
  await standingsCommand(args, (text) => (printed += text));
  return printed;
}

type Row = Record<string, unknown> & { bib: number; rank: number | null };
const rowsOf = (text: string) => (JSON.parse(text) as { standings: Row[] }).standings;

describe('massstart standings: what each skater of a running semi still needs', () => {
  it('--json ends each row with qualification and safeFinish, as the outlook gives them', async () => {
    const file = join(dir, 'running.json');
    await writeFile(file, running);
    const rows = rowsOf(await standings(file, '--json'));
    const outlook = qualificationOutlook(sheetState(parseRaceSheet(running)));
    expect(new Set([...outlook.values()].map((o) => o.qualification))).toEqual(
      new Set(['Q', 'open', 'out']),
    );
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(Object.keys(row).slice(-3)).toEqual(['qualified', 'qualification', 'safeFinish']);
      expect({
        bib: row.bib,
        qualification: row.qualification,
        safeFinish: row.safeFinish,
      }).toEqual({ bib: row.bib, ...outlook.get(row.bib) });
    }
    // Worked by hand in test/shared/feed/feed.test.ts: #3 (9) and #7 (6) are through whatever
    // happens at the finish; #12 (3) is sure of it crossing 6th or better.
    const byBib = new Map(rows.map((row) => [row.bib, row]));
    expect(byBib.get(3)).toMatchObject({ qualification: 'Q', safeFinish: null });
    expect(byBib.get(7)).toMatchObject({ qualification: 'Q', safeFinish: null });
    expect(byBib.get(12)).toMatchObject({ qualification: 'open', safeFinish: 6 });
    expect(byBib.get(11)).toMatchObject({ qualification: 'out', safeFinish: null });
  });

  it('the table marks the clinched Q and adds a Needs column', async () => {
    const file = join(dir, 'running.json');
    await writeFile(file, running);
    const lines = (await standings(file)).trimEnd().split('\n');
    expect(lines[0]).toMatch(/\bQ\s+Status\s+Time\s+Needs$/);
    const line = (bib: number) =>
      lines.find((l) => new RegExp(`^\\s*\\d*\\s+${bib}\\s+Skater ${bib}\\s`).test(l))!;
    expect(line(3)).toMatch(/\s9\s+Q\s+OK$/);
    expect(line(12)).toMatch(/\s3\s+OK\s+top 6$/);
    expect(line(11)).toMatch(/\sDQ\s+out$/);
  });

  it('a finished semi gives Q and out, a final null', async () => {
    const semi = rowsOf(await standings('test/fixtures/sheets/mc2026-men-semi1.json', '--json'));
    expect(semi.map((row) => row.qualification)).toEqual(
      semi.map((row) => (row.qualified === 'Q' ? 'Q' : 'out')),
    );
    expect(semi.filter((row) => row.qualification === 'Q')).toHaveLength(8);
    expect(semi.every((row) => row.safeFinish === null)).toBe(true);
    const final = rowsOf(await standings('--json', 'test/fixtures/sheets/mc2026-men-final.json'));
    expect(final.every((row) => row.qualification === null && row.safeFinish === null)).toBe(true);
  });
});
