// `massstart report` (issue 21, part 3) on a real data folder while its host runs: the real binary
// once (exit code, what it says, the PDF it writes), the rest in-process: help, bad input named,
// a standby's folder. The report of a race with passings: test/main/results-out/race-report-host.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand, reportHelp } from '../../../src/main/cli/report.ts';
import { CliInputError } from '../../../src/main/cli/results.ts';
import { savePeer } from '../../../src/main/standby/peer-file.ts';
import { finishedMeeting } from '../results-out/finished-race.ts';
import { pdfText } from '../results-out/sheet-race.ts';

let fixture: Awaited<ReturnType<typeof finishedMeeting>>;
let out: string;

// The host stays open (holding DATA/host.lock) while the command reads its data folder.
beforeAll(async () => {
  fixture = await finishedMeeting('cli-report');
  out = await mkdtemp(join(tmpdir(), 'cli-report-out-'));
});
afterAll(async () => {
  await fixture.close();
  await rm(out, { recursive: true, force: true });
});

/** Runs the command in-process: what it said (stderr) and printed (stdout). */
async function report(...args: string[]): Promise<{ said: string[]; printed: string }> {
  const said: string[] = [];
  let printed = '';
  await reportCommand(
    args,
    (line) => said.push(line),
    (text) => (printed += text),
  );
  return { said, printed };
}

describe('massstart report', () => {
  it('the binary writes the report of a race without passings: its timeline, and why no chart', async () => {
    const file = join(out, 'semi.pdf');
    const { stdout, stderr } = await promisify(execFile)('node', [
      'src/main/cli/bin.mjs',
      'report',
      '--data',
      fixture.dataDir,
      '--race',
      fixture.raceId,
      '--out',
      file,
    ]);
    expect(stdout).toBe('');
    expect(stderr).toBe(`wrote ${file}\n`);
    const text = pdfText(await readFile(file));
    expect(text).toContain('Worlds Hamar — Vikingskipet');
    expect(text).toMatch(/RACE REPORT/);
    expect(text).toMatch(/No passings: no timing decoder reported passings for this race/);
    expect(text).not.toContain('Lap chart');
    // The laps by the lap key, the sprints, the DNF, the finish, in Oslo's time (the meeting's).
    expect(text).toMatch(/\d\d:\d\d:\d\d CET\s+\S+\s+Lap 4 · SP1\s+[\d.]+ s by the lap key/);
    expect(text).toMatch(/Sprint 1\s+lap 4: 1\. #4 Jordan Stolz 3 · 2\. #9 Livio Wenger 2/);
    expect(text).toMatch(/DNF\s+#6 Indra Médard after 9 laps/);
    expect(text).toMatch(/Finish\s+1\. #1 Metoděj Jílek 7:42\.49/);
    expect(text).toMatch(/None: no journal entry undid, redid or corrected another\./);
  });

  it('--json says what it wrote; without --out the file is ID-report.pdf here', async () => {
    const cwd = process.cwd();
    process.chdir(out);
    try {
      const { said, printed } = await report(
        '--data',
        fixture.dataDir,
        '--race',
        fixture.finalId,
        '--json',
      );
      const file = join(out, 'men-final-report.pdf');
      expect(said).toEqual([`wrote ${file}`]);
      expect(JSON.parse(printed)).toEqual({
        race: 'men-final',
        file,
        passings: 0,
        laps: 0,
        corrections: 0,
        lapChart: false,
      });
      expect(pdfText(await readFile(file))).toContain('Men Final');
    } finally {
      process.chdir(cwd);
    }
  });

  it('on a standby’s folder says a standby does not read the decoder', async () => {
    await savePeer(fixture.dataDir, 'http://127.0.0.1:9', 'standby');
    try {
      const file = join(out, 'standby.pdf');
      await report('--data', fixture.dataDir, '--race', fixture.raceId, '--out', file);
      expect(pdfText(await readFile(file))).toMatch(
        /No passings: this host is the standby of a pair, and a standby does not read the decoder/,
      );
    } finally {
      await rm(join(fixture.dataDir, 'peer.json'));
    }
  });

  it('names what is wrong: an unknown race (with the races there), a missing option; --help', async () => {
    await expect(report('--data', fixture.dataDir, '--race', 'men-semi-9')).rejects.toThrow(
      new CliInputError(
        `race "men-semi-9" is not in the program of ${fixture.dataDir} (races: men-semi-1, men-final)`,
      ),
    );
    await expect(report('--data', fixture.dataDir)).rejects.toThrow(/report needs --race ID/);
    await expect(report('--race', 'men-semi-1')).rejects.toThrow(/report needs --data DIR/);
    await expect(report('--data', join(out, 'nothing'), '--race', 'x')).rejects.toThrow(
      CliInputError,
    );
    expect((await report('--help')).printed).toBe(`${reportHelp}\n`);
    expect(reportHelp).toMatch(/^usage: massstart report --data DIR --race ID \[--out FILE\.pdf\]/);
  });
});
