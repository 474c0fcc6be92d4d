import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['src/main/cli/bin.mjs', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

const sheets = 'test/fixtures/sheets';

describe('massstart standings (the real binary)', () => {
  it('prints the ranked table of a semi-final with the qualification line', async () => {
    const { code, stdout } = await run('standings', `${sheets}/mc2026-men-semi1.json`);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^Rank\s+Bib\s+Name\s+Nation\s+SP1\s+SP2\s+SP3\s+Final\s+Total\s+Q\s+Status/,
    );
    expect(lines[2]).toMatch(
      /^\s+1\s+1\s+Antoine Gélinas-Beaulieu\s+CAN\s+0\s+0\s+0\s+60\s+60\s+Q\s+OK/,
    );
    expect(lines[5]).toMatch(/^\s+4\s+4\s+Jordan Stolz\s+USA\s+3\s+0\s+2\s+6\s+11\s+Q/);
    expect(lines[10]).toMatch(/qualification line$/);
    expect(lines[9]).toMatch(/Viktor Hald Thorup/);
    expect(lines.at(-1)).toMatch(/^\s+12\s+11\s+Demo Skater Eleven.*DNF \(9 laps\)$/);
  });

  it('prints JSON in the documented shape with --json', async () => {
    const { code, stdout } = await run('standings', '--json', `${sheets}/mc2026-men-final.json`);
    expect(code).toBe(0);
    const { standings } = JSON.parse(stdout) as { standings: Record<string, unknown>[] };
    expect(standings[0]).toEqual({
      rank: 1,
      bib: 13,
      name: 'Jorrit Bergsma',
      nation: 'NED',
      sprints: [3, 3, 2],
      final: 60,
      total: 68,
      status: 'OK',
      qualified: null,
      qualification: null,
      safeFinish: null,
    });
    expect(standings).toHaveLength(16);
    expect(standings.at(-1)).toMatchObject({ rank: 16, status: 'DNF', qualified: null });
  });

  it('gives DQ and DNS skaters a null rank and marks q for a referee advance', async () => {
    const sheet = {
      format: 'isu-2018',
      round: 'semi',
      qualifiers: 2,
      skaters: [1, 2, 3, 4, 5].map((bib) => ({ bib, name: `Skater ${bib}`, nation: 'NED' })),
      finish: [1, 2, 3],
      status: { '4': 'DQ', '5': 'DNS' },
      advanced: [3],
    };
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp(`${(await import('node:os')).tmpdir()}/sheet-`);
    await writeFile(`${dir}/s.json`, JSON.stringify(sheet));
    const { stdout } = await run('standings', `${dir}/s.json`, '--json');
    const rows = (
      JSON.parse(stdout) as {
        standings: { bib: number; rank: number | null; qualified: string | null; status: string }[];
      }
    ).standings;
    expect(rows.map((r) => [r.bib, r.rank, r.qualified, r.status])).toEqual([
      [1, 1, 'Q', 'OK'],
      [2, 2, 'Q', 'OK'],
      [3, 3, 'q', 'OK'],
      [4, null, null, 'DQ'],
      [5, null, null, 'DNS'],
    ]);
  });

  it('accepts a custom format (a track-cycling points race)', async () => {
    const { code, stdout } = await run('standings', '--json', `${sheets}/custom-points-race.json`);
    expect(code).toBe(0);
    const rows = (JSON.parse(stdout) as { standings: { bib: number; total: number }[] }).standings;
    expect(rows.map((r) => [r.bib, r.total])).toEqual([
      [4, 17],
      [1, 14],
      [2, 12],
      [3, 12],
    ]);
  });

  const bad: [string, RegExp][] = [
    ['not-json', /not valid JSON/],
    ['unknown-bib', /helmet number 5 is not on the start list/],
    ['duplicate-bib', /helmet number 1 appears twice on the start list \(A and B\)/],
    ['twice-in-finish', /skater 1 appears twice in the finish order/],
    ['unknown-format', /format: unknown race format "isu-1990"/],
    ['missing-name', /skaters\[1\]\.name: /],
    ['too-many-sprints', /sprint 4 is not in this format/],
    ['semi-without-qualifiers', /qualifiers: a semi-final sheet needs the number of qualifiers/],
    ['typo-key', /Unrecognized key: "finsh"/],
    ['dnf-finisher', /skater 2 is in the finish order/],
    ['missing-fields', /round: Invalid option[^\n]*\nskaters: missing \(expected array\)/],
  ];
  it.each(bad)(
    'refuses the bad sheet %s with exit code 2 and a message naming the problem',
    async (name, message) => {
      const { code, stdout, stderr } = await run('standings', `${sheets}/bad/${name}.json`);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    },
  );

  it('exits 2 for a missing file, an unknown command and a missing argument', async () => {
    expect(await run('standings', 'nope.json')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/cannot read nope.json: ENOENT/),
    });
    expect(await run('frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown command "frobnicate"/),
    });
    expect(await run('standings')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/exactly one race sheet/),
    });
    expect(await run('standings', '--bogus', 'x.json')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/bogus/),
    });
  });
});
