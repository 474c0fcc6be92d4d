import Fastify, { type FastifyInstance } from 'fastify';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDocumentSchema } from '../../../src/shared/export/results-document.ts';
import { parseRaceSheet, sheetState } from '../../../src/shared/sheet/sheet.ts';
import { computeStandings } from '../../../src/shared/race/standings.ts';
import { HostSession } from '../../../src/main/host/session.ts';
import { loadOrCreateTokens, type ApiTokens } from '../../../src/main/host/tokens.ts';
import { registerAuth } from '../../../src/main/server/auth.ts';
import { registerExportRoutes } from '../../../src/main/server/export-routes.ts';
import { finishedMeeting, meetingName } from './finished-race.ts';

// The export routes on the real auth hook over real HTTP on loopback. (Once the lead registers
// them in http-api.ts, startApi from test/support/api-server.ts serves them too.)
let fixture: Awaited<ReturnType<typeof finishedMeeting>>;
let app: FastifyInstance;
let tokens: ApiTokens;
let base: string;

beforeAll(async () => {
  fixture = await finishedMeeting('export-api');
  tokens = await loadOrCreateTokens(fixture.dataDir);
  app = Fastify({ logger: false });
  registerAuth(app, tokens);
  registerExportRoutes(app, new HostSession(fixture.host));
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

describe('export routes', () => {
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
    const untimed = (rows: ReturnType<typeof computeStandings>['rows']) =>
      rows.map((row) => ({ ...row, time: null }));
    expect(untimed(computeStandings(state).rows)).toEqual(
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
