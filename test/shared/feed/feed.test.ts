import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { raceFeed } from '../../../src/shared/feed/feed.ts';
import { feedSchema, type Feed } from '../../../src/shared/feed/schema.ts';
import { feedCsv, feedCsvColumns, feedJson, feedXml } from '../../../src/shared/feed/text.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { qualificationOutlook } from '../../../src/shared/race/qualification.ts';
import type { RaceState } from '../../../src/shared/race/state.ts';
import { raceView } from '../../../src/shared/race/view.ts';
import { meetingFactsOf, type MeetingFacts } from '../../../src/shared/results/meeting-facts.ts';
import { sheetFixture } from '../../support/board.ts';
import { finish, formatWith, lapsTo, opening, race, sprintsAt } from '../../support/race.ts';

/** Milano Cortina as the program has it: a name alone, the host in Rome. */
const milano = meetingFactsOf(
  { meeting: 'Milano Cortina 2026', venue: '', meetingDate: null, timeZone: null },
  'Europe/Rome',
);

const feedOf = (state: RaceState, id = 'test-race', revision = 7, meeting = milano): Feed =>
  raceFeed(raceView(id, revision, state), meeting);

// PUBLISHED: graphics templates bind to these names. Add at the end; never rename or remove.
const raceKeys = [
  'feedVersion',
  'revision',
  'raceId',
  'title',
  'round',
  'phase',
  'official',
  'started',
  'totalLaps',
  'lapsCompleted',
  'lapsToGo',
  'sprintLap',
  'sprintLapNumber',
  'bell',
  'qualificationLine',
  'lastSprint',
  'lastSprintFinal',
  ...[1, 2, 3].flatMap((n) =>
    ['Helmet', 'Name', 'Nation', 'Points'].map((field) => `lastSprint${n}${field}`),
  ),
  'standings',
];
// Added for issue 19: the meeting and the race's local times, the last race-level fields before
// `standings` (and, in CSV, the columns after the rows' issue 18 and 19 fields).
const raceAddedKeys = ['meetingDate', 'venue', 'timeZone', 'startedLocal', 'confirmedLocal'];
/**
 * The feed's own keys in order: the first race-level fields, those added, `standings`, then
 * `groups` (issue 21: added at the end of the object).
 */
const feedKeys = [...raceKeys.slice(0, -1), ...raceAddedKeys, 'standings', 'groups'];
const skaterKeys = [
  'rank',
  'rankText',
  'helmet',
  'name',
  'firstName',
  'lastName',
  'nation',
  'sp1',
  'sp2',
  'sp3',
  'final',
  'total',
  'time',
  'timeMs',
  'status',
  'laps',
  'qualified',
];
// Added for issue 18 (and the names of issue 19), after sp4 ... and (in CSV) after the race-level columns.
const outlookAndNameKeys = [
  'qualification',
  'safeFinish',
  ...['givenName', 'familyName', 'nameOrder', 'printName', 'shortName'],
];
// Added for issue 21: the loop's gap and lap time, last in a row and (in CSV) the last columns.
const gapKeys = ['behindLeaderSeconds', 'lastLapMs'];
/** The fields a row gained since its first published shape, in order. */
const addedKeys = [...outlookAndNameKeys, ...gapKeys];
/** The CSV's columns added since its first published shape, in order (none ever moves). */
const csvAddedKeys = [...outlookAndNameKeys, ...raceAddedKeys, ...gapKeys];

/** A race at 3 laps to go... : 12 skaters, sprint 1 placed 3-7-12, then a lap into the next. */
const inProgress: RaceCommand[] = [
  ...opening({ round: 'semi' }),
  lapsTo(4),
  { type: 'sprint/placed', sprint: 1, bibs: [3, 7, 12] },
  { type: 'lap/completed' },
];

const semi = () => feedOf(sheetFixture('mc2026-men-semi1'), 'men-semi-1', 40);

describe('the live data feed (issue 11)', () => {
  it('has the published keys, in their order, and parses by its schema', () => {
    const feed = feedOf(race(inProgress).state);
    expect(Object.keys(feed)).toEqual(feedKeys);
    for (const row of feed.standings)
      expect(Object.keys(row)).toEqual([...skaterKeys, ...addedKeys]);
    expect(feedSchema.strict().parse(feed)).toEqual(feed);
    expect(feedCsvColumns(feed)).toEqual([
      ...skaterKeys,
      ...raceKeys.slice(0, -1),
      ...csvAddedKeys,
    ]);
  });

  it('shows a race in progress: laps to go, the sprint lap, and who took the last sprint', () => {
    const { state } = race(inProgress);
    const feed = feedOf(state);
    expect(feed).toMatchObject({
      revision: 7,
      raceId: 'test-race',
      title: 'Test race',
      round: 'semi',
      phase: 'live',
      official: false,
      started: true,
      totalLaps: 16,
      lapsCompleted: 5,
      lapsToGo: 11,
      sprintLap: false,
      sprintLapNumber: null,
      bell: false,
      // Three have points (sprint 1: 3-7-12): the line is under them, never among the rest.
      qualificationLine: 3,
      lastSprint: 1,
      lastSprintFinal: false,
      lastSprint1Helmet: 3,
      lastSprint1Name: 'Skater 3',
      lastSprint1Nation: 'NED',
      lastSprint1Points: 3,
      lastSprint2Helmet: 7,
      lastSprint2Points: 2,
      lastSprint3Helmet: 12,
      lastSprint3Points: 1,
    });
    expect(feed.standings[0]).toEqual({
      rank: 1,
      rankText: '1',
      helmet: 3,
      name: 'Skater 3',
      firstName: 'Skater',
      lastName: '3',
      nation: 'NED',
      sp1: 3,
      sp2: 0,
      sp3: 0,
      final: 0,
      total: 3,
      time: null,
      timeMs: null,
      status: 'OK',
      laps: null,
      qualified: null,
      ...qualificationOutlook(state).get(3),
      // A whole name, as the start list gave it: no parts invented (issue 19).
      givenName: '',
      familyName: '',
      nameOrder: null,
      printName: 'Skater 3',
      shortName: 'Skater 3',
      // No timing feed: nothing from the loop (issue 21), never invented.
      behindLeaderSeconds: null,
      lastLapMs: null,
    });
    expect(feed.groups).toEqual([]);
    expect(feed.standings[3]).toMatchObject({ rank: null, rankText: '', total: 0 });
  });

  it('flags the sprint laps and the bell', () => {
    const at = (laps: number) => feedOf(race([...opening(), lapsTo(laps)]).state);
    expect(at(3)).toMatchObject({ lapsToGo: 13, sprintLap: true, sprintLapNumber: 1, bell: false });
    expect(at(11)).toMatchObject({ lapsToGo: 5, sprintLap: true, sprintLapNumber: 3 });
    expect(at(15)).toMatchObject({
      lapsToGo: 1,
      sprintLap: false,
      sprintLapNumber: null,
      bell: true,
    });
    expect(feedOf(race(opening().slice(0, 2)).state)).toMatchObject({
      phase: 'start',
      started: false,
      lapsToGo: 16,
      lastSprint: null,
      lastSprint1Helmet: null,
      lastSprint1Name: '',
      lastSprint1Points: null,
    });
  });

  it('reads the Milano Cortina 2026 semi-final 1, diacritics intact', () => {
    const feed = semi();
    expect(feed).toMatchObject({
      title: 'Men · Mass Start · Semi-final 1',
      phase: 'final',
      lapsToGo: 0,
      lastSprint: 4,
      lastSprintFinal: true,
      lastSprint1Name: 'Antoine Gélinas-Beaulieu',
      lastSprint1Points: 60,
      lastSprint2Helmet: 2,
      lastSprint3Name: 'Chung Jae-won',
      lastSprint3Points: 20,
    });
    expect(feed.standings[0]).toMatchObject({
      rank: 1,
      helmet: 1,
      firstName: 'Antoine',
      lastName: 'Gélinas-Beaulieu',
      nation: 'CAN',
      final: 60,
      total: 60,
      qualified: 'Q',
    });
    expect(feed.standings.find((row) => row.name === 'Jordan Stolz')).toMatchObject({
      rank: 4,
      sp1: 3,
      sp2: 0,
      sp3: 2,
      final: 6,
      total: 11,
    });
    expect(feed.standings.find((row) => row.name === 'Indra Médard')?.rank).toBe(6);
    expect(feed.standings.at(-1)).toMatchObject({
      helmet: 11,
      status: 'DNF',
      laps: 9,
      rankText: '12',
    });
  });

  it('writes JSON that reads back to the feed', () => {
    const feed = semi();
    expect(JSON.parse(feedJson(feed))).toEqual(feed);
  });

  it('writes XML that mirrors the JSON and parses back, escaped and with diacritics', () => {
    const feed = feedOf(
      race([
        ...opening().slice(0, 1),
        {
          type: 'startList/set',
          skaters: [
            { bib: 1, name: 'A <b> & "c"', nation: 'NED' },
            { bib: 2, name: 'Indra Médard', nation: 'BEL' },
          ],
        },
      ]).state,
    );
    const xml = feedXml(feed);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<feed>')).toBe(true);
    expect(xml).toContain('<name>A &lt;b&gt; &amp; &quot;c&quot;</name>');
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml) as {
      feed: Record<string, unknown> & { standings: { skater: Record<string, string>[] } };
    };
    expect(parsed.feed.lapsToGo).toBe('16');
    expect(parsed.feed.lastSprint).toBe('');
    expect(parsed.feed.standings.skater.map((s) => s.name)).toEqual([
      'A <b> & "c"',
      'Indra Médard',
    ]);
    expect(Object.keys(parsed.feed.standings.skater[0]!)).toEqual([...skaterKeys, ...addedKeys]);

    const mc = new XMLParser({ parseTagValue: false }).parse(feedXml(semi())) as typeof parsed;
    expect(Object.keys(mc.feed)).toEqual(feedKeys);
    expect(mc.feed.standings.skater).toHaveLength(12);
    expect(mc.feed.standings.skater[0]).toMatchObject({
      name: 'Antoine Gélinas-Beaulieu',
      qualified: 'Q',
    });
  });

  it('writes CSV with a BOM: a header row and one row per rank, race fields on every row', () => {
    const csv = feedCsv(semi());
    expect(csv.startsWith('\uFEFFrank,rankText,helmet,name,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(12);
    expect(parsed.data[0]).toMatchObject({
      rank: '1',
      name: 'Antoine Gélinas-Beaulieu',
      sp1: '0',
      time: '',
      qualified: 'Q',
      title: 'Men · Mass Start · Semi-final 1',
      lapsToGo: '0',
      official: 'false',
      lastSprint1Name: 'Antoine Gélinas-Beaulieu',
    });
    expect(parsed.data.every((row) => row.revision === '40' && row.raceId === 'men-semi-1')).toBe(
      true,
    );
    expect(parsed.data[11]).toMatchObject({ helmet: '11', status: 'DNF', laps: '9' });
  });

  it('adds sp4 and up after the published fields for formats with more sprints; null for sprints a format lacks', () => {
    const four = formatWith({ laps: 20, sprintLaps: [4, 8, 12, 16] });
    const wide = feedOf(race([...opening({ format: four }), lapsTo(16)]).state);
    expect(Object.keys(wide.standings[0]!)).toEqual([...skaterKeys, 'sp4', ...addedKeys]);
    expect(feedCsvColumns(wide)).toEqual([
      ...skaterKeys,
      'sp4',
      ...raceKeys.slice(0, -1),
      ...csvAddedKeys,
    ]);
    const two = formatWith({ laps: 10, sprintLaps: [4, 8] });
    expect(feedOf(race(opening({ format: two })).state).standings[0]).toMatchObject({
      sp2: 0,
      sp3: null,
    });
  });
});

describe('what each skater still needs, in the feed (issue 18)', () => {
  /**
   * A semi of 12 (K = 8, ISU 2018) after the last intermediate sprint: sprints 1-3 all placed
   * 3-7-12, so #3 has 9 points, #7 6, #12 3, the rest 0; #11 disqualified.
   */
  const afterSprint3: RaceCommand[] = [
    ...opening({ round: 'semi' }),
    ...sprintsAt([
      [3, 7, 12],
      [3, 7, 12],
      [3, 7, 12],
    ]),
    { type: 'skater/statusChanged', bib: 11, status: 'DQ' },
  ];

  const readCsv = (csv: string) =>
    Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
  const readXmlRows = (xml: string) =>
    (
      new XMLParser({ parseTagValue: false }).parse(xml) as {
        feed: { standings: { skater: Record<string, string>[] } };
      }
    ).feed.standings.skater;
  const cell = (value: string | number | null) => (value === null ? '' : String(value));

  it('gives every row of a running semi the outlook of its skater, in JSON, XML and CSV', () => {
    const { state } = race(afterSprint3);
    const outlook = qualificationOutlook(state);
    // The case must show all three answers, or the comparison below proves little.
    expect(new Set([...outlook.values()].map((o) => o.qualification))).toEqual(
      new Set(['Q', 'open', 'out']),
    );
    const feed = feedOf(state);
    expect(feed.phase).toBe('live');
    expect(feed.standings).toHaveLength(12);
    for (const row of feed.standings) {
      const { qualification, safeFinish } = outlook.get(row.helmet)!;
      expect({
        helmet: row.helmet,
        qualification: row.qualification,
        safeFinish: row.safeFinish,
      }).toEqual({ helmet: row.helmet, qualification, safeFinish });
    }
    const expected = feed.standings.map((row) => ({
      helmet: String(row.helmet),
      qualification: cell(row.qualification),
      safeFinish: cell(row.safeFinish),
    }));
    const picked = (rows: Record<string, string>[]) =>
      rows.map(({ helmet, qualification, safeFinish }) => ({ helmet, qualification, safeFinish }));
    expect(picked(readXmlRows(feedXml(feed)))).toEqual(expected);
    const csv = feedCsv(feed);
    expect(csv.split('\r\n')[0]!.endsWith(`,${csvAddedKeys.join(',')}`)).toBe(true);
    expect(picked(readCsv(csv))).toEqual(expected);
  });

  it('says what the rules give in a case worked by hand', () => {
    const feed = feedOf(race(afterSprint3).state);
    const row = (helmet: number) => {
      const found = feed.standings.find((skater) => skater.helmet === helmet)!;
      return { qualification: found.qualification, safeFinish: found.safeFinish };
    };
    // Only the finish is left (60-40-20-10-6-3; 1st-3rd are rank 1-3 whatever the points,
    // below that points, equal points to whoever crossed first), 11 skaters race on.
    // #3 (9) crossing last: above him the podium, the 4th (10 points), and only two more who
    // reach 9 (#12 5th: 3 + 6, #7 6th: 6 + 3): six, so 7th at worst. Through: Q.
    expect(row(3)).toEqual({ qualification: 'Q', safeFinish: null });
    // #7 (6) crossing last: the podium, the 4th and 5th (10 and 6) without points, #12 6th
    // (3 + 3 = 6, crossed first) and #3: seven, so 8th at worst. Q.
    expect(row(7)).toEqual({ qualification: 'Q', safeFinish: null });
    // #12 (3) crossing 6th (3 + 3 = 6): above him the podium, the 4th and 5th, and #3; #7 with 6
    // crossed after him: six, 7th. Crossing 7th (no final points): the podium and 4th-6th
    // without points (10, 6, 3 >= 3, crossed first), #3 and #7: eight, 9th. So top 6.
    expect(row(12)).toEqual({ qualification: 'open', safeFinish: 6 });
    // Disqualified: no rank, never through.
    expect(row(11)).toEqual({ qualification: 'out', safeFinish: null });
  });

  it('leaves them null (empty in XML and CSV) in a final', () => {
    const feed = feedOf(race([...opening({ round: 'final' }), ...sprintsAt([[3, 7, 12]])]).state);
    expect(feed.phase).toBe('live');
    for (const row of feed.standings)
      expect([row.qualification, row.safeFinish]).toEqual([null, null]);
    for (const rows of [readXmlRows(feedXml(feed)), readCsv(feedCsv(feed))])
      for (const row of rows) expect([row.qualification, row.safeFinish]).toEqual(['', '']);
  });

  it('gives a finished semi Q, q and out, as its ranking and the referee say', () => {
    const feed = semi();
    expect(feed.phase).toBe('final');
    for (const row of feed.standings) {
      expect(row.qualification).toBe(row.rank !== null && row.rank <= 8 ? 'Q' : 'out');
      expect(row.safeFinish).toBeNull();
    }
    // A referee's advance: q in both fields.
    const advanced = feedOf(
      race([
        ...opening({ round: 'semi', count: 10 }),
        ...finish([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        { type: 'qualifier/advanced', bib: 9 },
      ]).state,
    );
    expect(advanced.standings.map((row) => [row.helmet, row.qualified, row.qualification])).toEqual(
      [
        ...[1, 2, 3, 4, 5, 6, 7, 8].map((helmet) => [helmet, 'Q', 'Q']),
        [9, 'q', 'q'],
        [10, null, 'out'],
      ],
    );
  });
});

describe('the meeting in the feed (issue 19)', () => {
  /** A final started and confirmed at known times (entries 1 s apart from 14:00:00 UTC). */
  const timed = (commands: RaceCommand[], at = '2026-02-21T14:00:00.000Z') =>
    race(commands).entries.map((entry, index) => ({
      ...entry,
      at: new Date(Date.parse(at) + index * 1000).toISOString(),
    }));
  const confirmed = [
    ...opening({ count: 3 }),
    ...finish([2, 1, 3]),
    { type: 'results/confirmed' } as const,
  ];

  it('carries the meeting’s day, venue and zone, and the start and confirmation in that zone', () => {
    const state = foldJournal(timed(confirmed)).state;
    const meeting: MeetingFacts = {
      name: 'ISU World Cup, Calgary',
      venue: 'Olympic Oval',
      date: '2026-02-21',
      timeZone: 'America/Edmonton',
    };
    const feed = feedOf(state, 'men-final', 9, meeting);
    expect(feed).toMatchObject({
      meetingDate: '2026-02-21',
      venue: 'Olympic Oval',
      timeZone: 'America/Edmonton',
      // race/started is the 3rd entry, the confirmation the 6th.
      startedLocal: '2026-02-21T07:00:02-07:00',
      confirmedLocal: '2026-02-21T07:00:05-07:00',
    });
    expect(feedSchema.strict().parse(feed)).toEqual(feed);
    const xml = new XMLParser({ parseTagValue: false }).parse(feedXml(feed)) as {
      feed: Record<string, string>;
    };
    expect(xml.feed).toMatchObject({ venue: 'Olympic Oval', startedLocal: feed.startedLocal });
    const csv = Papa.parse<Record<string, string>>(feedCsv(feed).slice(1), { header: true });
    expect(csv.data[0]).toMatchObject({ meetingDate: '2026-02-21', timeZone: 'America/Edmonton' });
  });

  it('without a day or venue: null day, the name’s venue; no times before the start or while unofficial', () => {
    const before = feedOf(race(opening({ count: 3 }).slice(0, 2)).state);
    expect(before).toMatchObject({
      meetingDate: null,
      venue: 'Milano Cortina',
      timeZone: 'Europe/Rome',
      startedLocal: null,
      confirmedLocal: null,
    });
    const reopened = foldJournal(timed([...confirmed, { type: 'results/reopened' }])).state;
    expect(feedOf(reopened)).toMatchObject({
      startedLocal: '2026-02-21T15:00:02+01:00',
      confirmedLocal: null,
    });
    // An old journal started by a lap: that lap is the start, as everywhere else.
    const byLap = foldJournal(
      timed([...opening({ count: 3 }).slice(0, 2), { type: 'lap/completed' }]),
    ).state;
    expect(feedOf(byLap).startedLocal).toBe('2026-02-21T15:00:02+01:00');
  });
});
