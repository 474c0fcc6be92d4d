import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDocumentSchema } from '../../../src/shared/export/results-document.ts';
import { hostRaceRecord } from '../../../src/main/results-out/host-records.ts';
import { raceSheetJson } from '../../../src/main/results-out/race-export.ts';
import { standingsJson, standingsTable } from '../../../src/main/cli/standings-table.ts';
import { finishedMeeting, meetingName, meetingSet } from '../results-out/finished-race.ts';

const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['src/main/cli/bin.mjs', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

const bom = [0xef, 0xbb, 0xbf];
let fixture: Awaited<ReturnType<typeof finishedMeeting>>;
let out: string;

// The host stays open (holding DATA/host.lock) while the CLI reads its data folder.
beforeAll(async () => {
  fixture = await finishedMeeting('cli-results');
  out = await mkdtemp(join(tmpdir(), 'cli-results-out-'));
});
afterAll(async () => {
  await fixture.close();
  await rm(out, { recursive: true, force: true });
});

describe('race sheet round trip (the real binary)', () => {
  it('`massstart standings` on the exported sheet prints the standings of the host', async () => {
    const sheetFile = join(out, 'semi.sheet.json');
    await writeFile(sheetFile, raceSheetJson(hostRaceRecord(fixture.host, fixture.raceId)!));
    const standings = fixture.host.race(fixture.raceId)!.standings;
    const json = await run('standings', sheetFile, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(standingsJson(standings));
    const table = await run('standings', sheetFile);
    // A sheet holds no finish times; every other column is the host's.
    const untimed = { ...standings, rows: standings.rows.map((row) => ({ ...row, time: null })) };
    expect(table.stdout).toBe(`${standingsTable(untimed)}\n`);
  });
});

describe('massstart results (the real binary)', () => {
  it('writes CSV (BOM, semicolons) and JSON from a race sheet', async () => {
    const csv = join(out, 'semi1.csv');
    const json = join(out, 'semi1.json');
    const result = await run(
      'results',
      'test/fixtures/sheets/mc2026-men-semi1.json',
      '--csv',
      csv,
      '--json',
      json,
      '--delimiter',
      ';',
    );
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe(`wrote ${csv}\nwrote ${json}\n`);
    const bytes = await readFile(csv);
    expect([...bytes.subarray(0, 3)]).toEqual(bom);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Rank;Helmet;Name;First name;Last name;Nation;SP1;SP2;SP3;Final;Total;Time;Status;Laps;Q',
    );
    expect(lines[1]).toBe(
      '1;1;Antoine Gélinas-Beaulieu;Antoine;Gélinas-Beaulieu;CAN;0;0;0;60;60;;OK;;Q',
    );
    const document = resultsDocumentSchema.parse(JSON.parse(await readFile(json, 'utf8')));
    expect(document).toMatchObject({
      meeting: null,
      race: { id: 'mc2026-men-semi1', round: 'semi', qualifiers: 8 },
      official: false,
      confirmedAt: null,
      venue: '',
      meetingDate: null,
      timeZone: null,
    });
  });

  it('prints the CSV (no BOM) without output options', async () => {
    const result = await run('results', 'test/fixtures/sheets/mc2026-men-final.json');
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('Rank,Helmet,Name,')).toBe(true);
    expect(result.stdout).toContain('Jorrit Bergsma');
  });

  it('reads a race of a data folder the host holds open, without writing there', async () => {
    const before = (await readdir(fixture.dataDir, { recursive: true })).sort();
    const lockBefore = await readFile(join(fixture.dataDir, 'host.lock'), 'utf8').catch(() => '');
    const json = join(out, 'data.json');
    const csv = join(out, 'data.csv');
    const result = await run(
      'results',
      '--data',
      fixture.dataDir,
      '--race',
      fixture.raceId,
      '--json',
      json,
      '--csv',
      csv,
    );
    expect(result.stderr).toBe(`wrote ${csv}\nwrote ${json}\n`);
    expect(result.code).toBe(0);
    const document = resultsDocumentSchema.parse(JSON.parse(await readFile(json, 'utf8')));
    expect(document).toMatchObject({ meeting: meetingName, official: true, phase: 'official' });
    expect(document.confirmedAt).toMatch(/^\d{4}-/);
    // The meeting's facts come from program.json, as the host's own export has them.
    expect(document).toMatchObject({
      venue: meetingSet.venue,
      meetingDate: meetingSet.date,
      timeZone: meetingSet.timeZone,
    });
    expect(document.rows.map((row) => row.bib)).toEqual(
      fixture.host.race(fixture.raceId)!.standings.rows.map((row) => row.bib),
    );
    const text = (await readFile(csv)).toString('utf8');
    expect(text).toContain('Metoděj Jílek');
    expect(text).toContain('Sander Bøkko');
    expect(text).toContain(',7:42.49,');
    expect((await readdir(fixture.dataDir, { recursive: true })).sort()).toEqual(before);
    expect(await readFile(join(fixture.dataDir, 'host.lock'), 'utf8').catch(() => '')).toBe(
      lockBefore,
    );
  });

  it('writes the PDF results sheet with --pdf (or says the build has none)', async () => {
    const pdf = join(out, 'semi.pdf');
    const result = await run(
      'results',
      '--data',
      fixture.dataDir,
      '--race',
      fixture.raceId,
      '--pdf',
      pdf,
    );
    expect(result.code).toBe(0);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.each([
    [['results', '--data', 'DATA'], /results --data DIR needs --race ID/],
    [['results'], /results needs exactly one race sheet file/],
    [
      ['results', 'test/fixtures/sheets/mc2026-men-final.json', '--delimiter', 'tab'],
      /--delimiter: give "," or ";"/,
    ],
    [['results', 'no/such/sheet.json'], /cannot read no\/such\/sheet\.json: ENOENT/],
    [['results', 'test/fixtures/sheets/bad/not-json.json'], /invalid race sheet/],
    [
      ['results', '--data', 'no/such/dir', '--race', 'x'],
      /no\/such\/dir is not a data folder of the race host: .*program\.json is missing/,
    ],
    [['export', '--data', 'no/such/dir', '--out', 'x.zip'], /is not a data folder/],
    [['export', '--out', 'x.zip'], /export needs --data DIR/],
  ])('exit code 2 naming the problem: %j', async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('refuses an unknown race of a data folder, naming the races there', async () => {
    const result = await run('results', '--data', fixture.dataDir, '--race', 'ladies-final');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `massstart: race "ladies-final" is not in the program of ${fixture.dataDir} (races: men-semi-1, men-final)\n`,
    );
  });
});

describe('massstart export (the real binary)', () => {
  it('exports the meeting of a data folder to a zip and to a folder', async () => {
    const zipPath = join(out, 'meeting.zip');
    const zipped = await run('export', '--data', fixture.dataDir, '--out', zipPath);
    expect(zipped.code).toBe(0);
    expect(zipped.stdout).toMatch(/^wrote .*meeting\.zip \(zip: \d+ files, 2 races\)\n$/);
    const zip = unzipSync(await readFile(zipPath));
    const pdfs = ['men-final-results.pdf', 'men-semi-1-results.pdf'];
    expect(Object.keys(zip).sort()).toEqual(
      [
        'meeting.json',
        'men-final-results.csv',
        'men-final-sheet.json',
        'men-semi-1-results.csv',
        'men-semi-1-sheet.json',
        ...pdfs,
      ].sort(),
    );
    expect([...zip['men-semi-1-results.csv']!.subarray(0, 3)]).toEqual(bom);
    const folder = join(out, 'folder');
    const written = await run(
      'export',
      '--data',
      fixture.dataDir,
      '--out',
      folder,
      '--no-pdf',
      '--delimiter',
      'semicolon',
    );
    expect(written.code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual([
      'meeting.json',
      'men-final-results.csv',
      'men-final-sheet.json',
      'men-semi-1-results.csv',
      'men-semi-1-sheet.json',
    ]);
    expect(await readFile(join(folder, 'men-semi-1-results.csv'), 'utf8')).toMatch(
      /^\uFEFFRank;Helmet;/,
    );
  });

  it('the usage text names the new commands', async () => {
    const { stdout } = await run('help');
    expect(stdout).toMatch(/results SHEET\.json \| --data DIR --race ID/);
    expect(stdout).toMatch(/export --data DIR --out DIR\|FILE\.zip/);
    expect(stdout).toMatch(/report --data DIR --race ID \[--out FILE\.pdf\] \[--json\]/);
  });
});
