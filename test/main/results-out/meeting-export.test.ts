import { appendFile, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDocumentSchema } from '../../../src/shared/export/results-document.ts';
import type { MeetingDocument } from '../../../src/shared/export/meeting.ts';
import { standingsWithOutlook } from '../../../src/shared/race/qualification.ts';
import {
  DataReadError,
  parseJournalText,
  readMeeting,
  readMeetingRace,
} from '../../../src/main/results-out/data-reader.ts';
import { hostMeetingRecord, hostRaceRecord } from '../../../src/main/results-out/host-records.ts';
import {
  exportHostMeeting,
  meetingZip,
  writeMeetingExport,
} from '../../../src/main/results-out/meeting-export.ts';
import { finishedMeeting, meetingName, meetingSet } from './finished-race.ts';
import { pdfText } from './sheet-race.ts';

let fixture: Awaited<ReturnType<typeof finishedMeeting>>;
let scratch: string;

beforeAll(async () => {
  fixture = await finishedMeeting();
  scratch = await mkdtemp(join(tmpdir(), 'export-out-'));
});
afterAll(async () => {
  await fixture.close();
  await rm(scratch, { recursive: true, force: true });
});

/** Every file of a folder with its bytes and modification time. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    const info = await stat(path);
    out[name] = info.isFile()
      ? `${info.mtimeMs} ${(await readFile(path)).toString('base64')}`
      : 'dir';
  }
  return out;
}

describe('meeting export from a running host', () => {
  it('zips meeting.json, and per race a CSV with BOM and a race sheet', async () => {
    const zip = unzipSync(await meetingZip(hostMeetingRecord(fixture.host)));
    const names = Object.keys(zip);
    const pdfs = ['men-semi-1-results.pdf', 'men-final-results.pdf'];
    expect(names.sort()).toEqual(
      [
        'meeting.json',
        'men-semi-1-results.csv',
        'men-semi-1-sheet.json',
        'men-final-results.csv',
        'men-final-sheet.json',
        ...pdfs,
      ].sort(),
    );
    expect([...zip['men-semi-1-results.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = strFromU8(zip['men-semi-1-results.csv']!); // TextDecoder drops the BOM
    expect(csv).toContain('Metoděj Jílek');
    expect(csv).toContain('Sander Bøkko');
    const meeting = JSON.parse(strFromU8(zip['meeting.json']!)) as MeetingDocument;
    expect(meeting).toMatchObject({
      meeting: meetingName,
      venue: meetingSet.venue,
      meetingDate: meetingSet.date,
      timeZone: meetingSet.timeZone,
    });
    expect(meeting.program.map((race) => [race.id, race.phase])).toEqual([
      ['men-semi-1', 'official'],
      ['men-final', 'start'],
    ]);
    const semi = resultsDocumentSchema.parse(meeting.races[0]);
    expect(semi.official).toBe(true);
    expect(semi.confirmedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The meeting's facts, and the times in Oslo's zone with its offset (issue 19).
    expect(semi).toMatchObject({ venue: 'Vikingskipet', meetingDate: '2026-03-07' });
    expect(semi.confirmedLocal).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
    expect(Date.parse(semi.confirmedLocal!)).toBe(
      Math.floor(Date.parse(semi.confirmedAt!) / 1000) * 1000,
    );
    // The PDF: the meeting's day (the race ran today), the venue, the confirmation with its zone.
    const pdf = pdfText(Buffer.from(zip['men-semi-1-results.pdf']!));
    expect(pdf).toContain('Vikingskipet · 7 March 2026');
    expect(pdf).toMatch(/Confirmed \d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d:\d\d CES?T/);
    expect(semi.rows[0]).toMatchObject({ rank: 1, name: 'Metoděj Jílek', time: '7:42.49' });
    expect(semi.rows.find((row) => row.bib === 7)?.qualified).toBe('q');
    expect(resultsDocumentSchema.parse(meeting.races[1]).confirmedAt).toBeNull();
  });

  it('writes the same files into a folder, or a zip by the .zip name', async () => {
    const record = hostMeetingRecord(fixture.host);
    const folder = await writeMeetingExport(record, join(scratch, 'out', 'folder'), {
      delimiter: ';',
    });
    expect(folder.kind).toBe('folder');
    expect((await readdir(folder.path)).sort()).toEqual([...folder.files].sort());
    const csv = await readFile(join(folder.path, 'men-semi-1-results.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFRank;Helmet;Name;/);
    const described = await exportHostMeeting(fixture.host, join(scratch, 'menu'));
    expect(described).toBe(`${join(scratch, 'menu')} (${folder.files.length} files)`);
    const zipped = await writeMeetingExport(record, join(scratch, 'meeting.ZIP'));
    expect(zipped.kind).toBe('zip');
    const zip = unzipSync(await readFile(zipped.path));
    expect(Object.keys(zip).sort()).toEqual([...folder.files].sort());
  });
});

describe('reading a data folder without the host (read only)', () => {
  it('reads what the running host holds, and changes nothing in the folder', async () => {
    const before = await snapshot(fixture.dataDir);
    const { notes, ...record } = await readMeeting(fixture.dataDir);
    expect(notes).toEqual([]);
    expect(record).toEqual(hostMeetingRecord(fixture.host));
    const { meeting, race } = await readMeetingRace(fixture.dataDir, fixture.raceId);
    expect(meeting).toEqual({ name: meetingName, ...meetingSet });
    expect(standingsWithOutlook(race.state)).toEqual(fixture.host.race(fixture.raceId)!.standings);
    expect(race).toEqual(hostRaceRecord(fixture.host, fixture.raceId));
    expect(await snapshot(fixture.dataDir)).toEqual(before);
  });

  it('refuses an unknown race, naming the races there, and a folder without program.json', async () => {
    await expect(readMeetingRace(fixture.dataDir, 'ladies-final')).rejects.toThrow(
      /race "ladies-final" is not in the program of .* \(races: men-semi-1, men-final\)/,
    );
    const empty = await mkdtemp(join(scratch, 'empty-'));
    await expect(readMeeting(empty)).rejects.toThrow(DataReadError);
    await expect(readMeeting(empty)).rejects.toThrow(/program\.json is missing/);
  });

  it('puts the program back together in memory as the host would, writing nothing', async () => {
    const copy = join(scratch, 'recovered');
    await cp(fixture.dataDir, copy, { recursive: true });
    await writeFile(join(copy, 'program.json'), '{"version": 1, "meet');
    const before = await snapshot(copy);
    const read = await readMeeting(copy);
    expect(read.races.map((race) => race.id).sort()).toEqual(['men-final', 'men-semi-1']);
    expect(read.notes.join('\n')).toMatch(/program\.json could not be read .*rebuilt the program/);
    expect(await snapshot(copy)).toEqual(before);
  });

  it('leaves out a torn last line or an unfinished batch, and refuses damage before the end', async () => {
    const copy = join(scratch, 'copy');
    await cp(fixture.dataDir, copy, { recursive: true });
    await rm(join(copy, 'host.lock'), { force: true });
    const journal = join(copy, 'races', `${fixture.raceId}.jsonl`);
    await appendFile(journal, '{"seq":999,"at":"x","sour');
    expect((await readMeetingRace(copy, fixture.raceId)).race.state).toEqual(
      fixture.host.race(fixture.raceId)!.state,
    );
    const line = (seq: number, batchEnd?: number) =>
      JSON.stringify({
        seq,
        at: '2026-01-01T00:00:00.000Z',
        source: 'test',
        event: { type: 'race/started' },
        ...(batchEnd ? { batchEnd } : {}),
      });
    expect(parseJournalText('j', `${line(1)}\n${line(2, 4)}\n${line(3, 4)}\n`)).toHaveLength(1);
    expect(parseJournalText('j', `${line(1)}\nnot json\n`)).toHaveLength(1);
    expect(() => parseJournalText('j', `${line(1)}\nnot json\n${line(2)}\n`)).toThrow(
      'journal j is corrupt at line 2: not valid JSON',
    );
    expect(() => parseJournalText('j', `${line(2)}\n${line(1)}\n`)).toThrow(
      'seq 1 does not follow seq 2',
    );
  });
});
