import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDocumentSchema } from '../../../src/shared/export/results-document.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { parseRaceSheet, sheetState } from '../../../src/shared/sheet/sheet.ts';
import { standingsWithOutlook } from '../../../src/shared/race/qualification.ts';
import { HostSession } from '../../../src/main/host/session.ts';
import { loadOrCreateTokens, type ApiTokens } from '../../../src/main/host/tokens.ts';
import { registerAuth } from '../../../src/main/server/auth.ts';
import { registerResultsRoutes } from '../../../src/main/server/results-routes.ts';
import { startApi, type ApiFixture } from '../../support/api-server.ts';
import { expectAccepted, openHost, type HostFixture } from '../../support/host-fixture.ts';
import { finish, sprintsAt } from '../../support/race.ts';
import { finishedMeeting, meetingName, meetingSet } from '../results-out/finished-race.ts';
import { pdfText } from '../results-out/sheet-race.ts';

// The results routes (PDF, CSV, JSON, race sheet, meeting zip) on the real auth hook over real
// HTTP on loopback; the PDF also on the real API server (startApi).
let fixture: Awaited<ReturnType<typeof finishedMeeting>>;
let app: FastifyInstance;
let tokens: ApiTokens;
let base: string;

beforeAll(async () => {
  fixture = await finishedMeeting('export-api');
  tokens = await loadOrCreateTokens(fixture.dataDir);
  app = Fastify({ logger: false });
  registerAuth(app, tokens);
  registerResultsRoutes(app, new HostSession(fixture.host));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await app.close();
  await fixture.close();
});

const get = (path: string, token: 'view' | 'control' | null = 'view') =>
  fetch(base + path, { headers: token ? { authorization: `Bearer ${tokens[token]}` } : {} });

describe('results routes: the exports', () => {
  it('results.pdf prints the meeting’s venue and day; ?venue= prints another venue', async () => {
    const sheet = async (query: string) => {
      const response = await get(`/api/v1/races/${fixture.raceId}/results.pdf${query}`);
      expect(response.status).toBe(200);
      return pdfText(Buffer.from(await response.arrayBuffer()));
    };
    expect(await sheet('')).toContain('Vikingskipet · 7 March 2026');
    expect(await sheet('?venue=Hamar%20Olympic%20Hall')).toContain(
      'Hamar Olympic Hall · 7 March 2026',
    );
  });

  it('results.csv: UTF-8 with BOM, a download name, diacritics intact', async () => {
    const response = await get(`/api/v1/races/${fixture.raceId}/results.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="men-semi-1-results.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 6)).toEqual([
      'Rank',
      'Helmet',
      'Name',
      'First name',
      'Last name',
      'Nation',
    ]);
    expect(rows[1]!.slice(0, 6)).toEqual(['1', '1', 'Metoděj Jílek', 'Metoděj', 'Jílek', 'CZE']);
    expect(rows.some((row) => row[2] === 'Sander Bøkko')).toBe(true);
  });

  it('results.csv?delimiter=semicolon separates by semicolons; a bad delimiter is 400', async () => {
    const response = await get(`/api/v1/races/${fixture.raceId}/results.csv?delimiter=semicolon`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toMatch(
      /^\uFEFF?Rank;Helmet;Name;First name;Last name;Nation;SP1;/,
    );
    expect(text).toContain('1;1;Metoděj Jílek;Metoděj;Jílek;CZE;');
    const bad = await get(`/api/v1/races/${fixture.raceId}/results.csv?delimiter=tab`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/delimiter/);
  });

  it('results.json is the results document of the published schema', async () => {
    const response = await get(`/api/v1/races/${fixture.raceId}/results.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="men-semi-1-results.json"',
    );
    const document = resultsDocumentSchema.parse(await response.json());
    expect(document).toMatchObject({ meeting: meetingName, official: true, phase: 'official' });
    // The meeting's facts at the end (issue 19).
    expect(document).toMatchObject({
      venue: meetingSet.venue,
      meetingDate: meetingSet.date,
      timeZone: meetingSet.timeZone,
    });
    expect(document.startedLocal).toMatch(/\+0[12]:00$/);
    expect(document.race).toMatchObject({ id: 'men-semi-1', round: 'semi', qualifiers: 4 });
    expect(document.rows).toHaveLength(10);
  });

  it('sheet.json is a race sheet that ranks the race as the host does', async () => {
    const response = await get(`/api/v1/races/${fixture.raceId}/sheet.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="men-semi-1-sheet.json"',
    );
    const state = sheetState(parseRaceSheet(await response.text()));
    const untimed = (rows: ReturnType<typeof standingsWithOutlook>['rows']) =>
      rows.map((row) => ({ ...row, time: null }));
    expect(untimed(standingsWithOutlook(state).rows)).toEqual(
      untimed(fixture.host.race(fixture.raceId)!.standings.rows),
    );
  });

  it('meeting/export.zip holds meeting.json and every race', async () => {
    const response = await get('/api/v1/meeting/export.zip');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="worlds-hamar-vikingskipet.zip"',
    );
    const zip = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(zip)).toEqual(
      expect.arrayContaining(['meeting.json', 'men-semi-1-results.csv', 'men-final-results.csv']),
    );
    expect(JSON.parse(strFromU8(zip['meeting.json']!))).toMatchObject({ meeting: meetingName });
  });

  it('404 for an unknown race, 401 without a token; the view token is enough', async () => {
    for (const file of ['results.csv', 'results.json', 'sheet.json']) {
      const response = await get(`/api/v1/races/ladies-final/${file}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: string }).error).toBe(
        'race "ladies-final" is not in the program',
      );
    }
    expect((await get(`/api/v1/races/${fixture.raceId}/results.csv`, null)).status).toBe(401);
    expect((await get('/api/v1/meeting/export.zip', null)).status).toBe(401);
    expect((await get('/api/v1/meeting/export.zip', 'control')).status).toBe(200);
  });
});

/** The semi of the fixtures (bibs 1-12) raced to the end and confirmed. */
const raced: RaceCommand[] = [
  { type: 'race/started' },
  ...sprintsAt([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]),
  ...finish([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]),
  { type: 'results/confirmed' },
];

/** GETs a path with a token, the body as bytes. */
async function getBytes(base: string, path: string, token: string | null) {
  const response = await fetch(base + path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** What both servers must do; `server()` gives the base URL, tokens and race. */
function routeContract(server: () => { url: string; tokens: ApiTokens; raceId: string }) {
  it('serves the results sheet as a PDF download with a view token', async () => {
    const { url, tokens, raceId } = server();
    const { response, body } = await getBytes(
      url,
      `/api/v1/races/${raceId}/results.pdf`,
      tokens.view,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${raceId}-results.pdf"`,
    );
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(body);
    expect(text).toContain('Men Semi 1');
    expect(text).toMatch(/1\s+12\s+Skater 12\s+NED\s+60\s+60\s+\S*\s*Q/);
    expect(text).toMatch(/\bOFFICIAL\b/);
    expect(text).toMatch(/Confirmed \d{1,2} \w+ \d{4} \d\d:\d\d:\d\d \S+/);
    const version = (
      JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(text).toContain(`Mass Start Scoreboard ${version}`);
  });

  it('takes the venue from ?venue=', async () => {
    const { url, tokens, raceId } = server();
    const path = `/api/v1/races/${raceId}/results.pdf?venue=${encodeURIComponent('Arena Santa Giulia, Milano')}`;
    const { response, body } = await getBytes(url, path, tokens.view);
    expect(response.status).toBe(200);
    expect(pdfText(body)).toContain('Arena Santa Giulia, Milano');
  });

  it('answers 404 for an unknown race and 401 without a token', async () => {
    const { url, tokens, raceId } = server();
    const unknown = await getBytes(url, '/api/v1/races/no-such-race/results.pdf', tokens.view);
    expect(unknown.response.status).toBe(404);
    expect(JSON.parse(unknown.body.toString())).toEqual({
      ok: false,
      error: 'race "no-such-race" is not in the program',
    });
    const anonymous = await getBytes(url, `/api/v1/races/${raceId}/results.pdf`, null);
    expect(anonymous.response.status).toBe(401);
  });
}

async function race(fixture: HostFixture | ApiFixture): Promise<void> {
  expectAccepted(
    await fixture.host.submit({ kind: 'batch', commands: raced }, 'test', fixture.raceId),
  );
}

describe('GET /api/v1/races/:id/results.pdf on its own Fastify, over loopback', () => {
  let fixture: HostFixture;
  let tokens: ApiTokens;
  let url = '';
  const app = Fastify({ logger: false });
  beforeAll(async () => {
    fixture = await openHost({ prefix: 'results-pdf', meeting: 'Milano Cortina 2026' });
    await race(fixture);
    tokens = await loadOrCreateTokens(fixture.dataDir);
    registerAuth(app, tokens);
    registerResultsRoutes(app, new HostSession(fixture.host));
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await fixture.close();
  });
  routeContract(() => ({ url, tokens, raceId: fixture.raceId }));
});

describe('GET /api/v1/races/:id/results.pdf on the real API server', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await startApi();
    await race(api);
  });
  afterAll(async () => api.close());
  routeContract(() => ({ url: api.server.url, tokens: api.tokens, raceId: api.raceId }));
});
