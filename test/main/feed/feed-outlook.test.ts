// What each skater still needs (issue 18) in the live data feeds over real HTTP: JSON, XML, CSV,
// the event stream and the public live.json, for a running semi, a final and a finished semi.
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Feed } from '../../../src/shared/feed/schema.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { qualificationOutlook } from '../../../src/shared/race/qualification.ts';
import { startApi, type ApiFixture } from '../../support/api-server.ts';
import { addRace } from '../../support/host-fixture.ts';
import { EventStream } from './event-stream.ts';

let api: ApiFixture;
beforeEach(async () => {
  api = await startApi({ publicFeed: {} });
});
afterEach(async () => {
  await api.close();
});

/** GET with the view token in the query, as a CG data source is set up; the body as text. */
async function get(path: string): Promise<string> {
  const response = await fetch(`${api.server.url}${path}?token=${api.tokens.view}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

/** Sends race commands to a race, one request each. */
async function run(raceId: string, commands: RaceCommand[]): Promise<void> {
  for (const command of commands) {
    const reply = await api.call(`/api/v1/races/${raceId}/commands`, { body: command });
    expect(reply.status, JSON.stringify(reply.json)).toBe(200);
  }
}

/** The start, sprints 1-3 all placed 3-7-12 and helmet 11 disqualified: only the finish is left. */
const afterSprint3: RaceCommand[] = [
  { type: 'race/started' },
  ...[4, 8, 12].flatMap((lapsCompleted, index): RaceCommand[] => [
    { type: 'laps/corrected', lapsCompleted },
    { type: 'sprint/placed', sprint: index + 1, bibs: [3, 7, 12] },
  ]),
  { type: 'skater/statusChanged', bib: 11, status: 'DQ' },
];

/** The two fields of each row, as text (null as the empty string), in feed order. */
type Needs = { helmet: string; qualification: string; safeFinish: string };
const text = (value: string | number | null) => (value === null ? '' : String(value));
const needsOf = (rows: readonly Record<string, unknown>[]): Needs[] =>
  rows.map((row) => ({
    helmet: text(row.helmet as number),
    qualification: text(row.qualification as string | null),
    safeFinish: text(row.safeFinish as number | null),
  }));

/** The rows of the feed of a race in all four texts: JSON, XML, CSV, the event stream. */
async function everyText(raceId: string): Promise<Record<string, Needs[]>> {
  const json = JSON.parse(await get(`/api/v1/feed/${raceId}.json`)) as Feed;
  const xml = new XMLParser({ parseTagValue: false }).parse(
    await get(`/api/v1/feed/${raceId}.xml`),
  ) as { feed: { standings: { skater: Record<string, string>[] } } };
  const csv = await get(`/api/v1/feed/${raceId}.csv`);
  const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!;
  expect(header.includes(',qualification,safeFinish,')).toBe(true);
  const stream = await EventStream.open(
    `${api.server.url}/api/v1/feed/${raceId}/events?token=${api.tokens.view}`,
  );
  let event;
  try {
    event = await stream.next();
  } finally {
    stream.close();
  }
  expect(event.event).toBe('feed');
  return {
    json: needsOf(json.standings),
    xml: needsOf(xml.feed.standings.skater),
    csv: needsOf(
      Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
        header: true,
        skipEmptyLines: true,
      }).data,
    ),
    events: needsOf((JSON.parse(event.data) as Feed).standings),
  };
}

describe('what each skater still needs, in the feeds over HTTP (issue 18)', () => {
  it('a running semi: every row carries the outlook of its skater, in every text and on the public page data', async () => {
    await run(api.raceId, afterSprint3);
    const { state, standings } = api.host.race(api.raceId)!;
    const outlook = qualificationOutlook(state);
    // The case shows all three answers, or the comparison below proves little.
    expect(new Set([...outlook.values()].map((o) => o.qualification))).toEqual(
      new Set(['Q', 'open', 'out']),
    );
    const expected = standings.rows.map((row) => {
      const { qualification, safeFinish } = outlook.get(row.bib)!;
      return { helmet: String(row.bib), qualification, safeFinish: text(safeFinish) };
    });
    const texts = await everyText(api.raceId);
    for (const [name, rows] of Object.entries(texts)) expect(rows, name).toEqual(expected);
    // Worked by hand (test/shared/feed/feed.test.ts says why): #3 and #7 through, #12 top 6.
    expect(expected.filter((row) => ['3', '7', '12'].includes(row.helmet))).toEqual([
      { helmet: '3', qualification: 'Q', safeFinish: '' },
      { helmet: '7', qualification: 'Q', safeFinish: '' },
      { helmet: '12', qualification: 'open', safeFinish: '6' },
    ]);

    const on = await api.call('/api/v1/program', {
      body: { type: 'public/configured', enabled: true },
    });
    expect(on.status).toBe(200);
    const live = (await (await fetch(`${api.server.url}/public/v1/live.json`)).json()) as {
      race: Feed;
    };
    expect(needsOf(live.race.standings)).toEqual(expected);
  });

  it('a final: null in JSON and the event stream, empty in XML and CSV', async () => {
    const finalId = await addRace(api.host, { title: 'Men Final', round: 'final', qualifiers: 0 });
    await run(finalId, afterSprint3);
    const texts = await everyText(finalId);
    for (const [name, rows] of Object.entries(texts)) {
      expect(rows, name).toHaveLength(12);
      for (const row of rows) expect([row.qualification, row.safeFinish], name).toEqual(['', '']);
    }
    const json = JSON.parse(await get(`/api/v1/feed/${finalId}.json`)) as Feed;
    expect(
      json.standings.every((row) => row.qualification === null && row.safeFinish === null),
    ).toBe(true);
  });

  it('a finished semi: Q for the first eight, q for a referee advance, out for the rest', async () => {
    await run(api.raceId, [
      ...afterSprint3,
      { type: 'laps/corrected', lapsCompleted: 15 },
      { type: 'finish/recorded', bibs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12] },
      { type: 'qualifier/advanced', bib: 9 },
    ]);
    const { standings } = api.host.race(api.raceId)!;
    const expected = standings.rows.map((row) => ({
      helmet: String(row.bib),
      qualification: row.bib === 9 ? 'q' : row.rank !== null && row.rank <= 8 ? 'Q' : 'out',
      safeFinish: '',
    }));
    expect(expected.filter((row) => row.qualification === 'Q')).toHaveLength(8);
    const texts = await everyText(api.raceId);
    for (const [name, rows] of Object.entries(texts)) expect(rows, name).toEqual(expected);
  });
});
