import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostSession } from '../../../src/main/host/session.ts';
import { loadOrCreateTokens, type ApiTokens } from '../../../src/main/host/tokens.ts';
import { registerAuth } from '../../../src/main/server/auth.ts';
import { registerResultsPdfRoute } from '../../../src/main/server/results-pdf-route.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { startApi, type ApiFixture } from '../../support/api-server.ts';
import { expectAccepted, openHost, type HostFixture } from '../../support/host-fixture.ts';
import { finish, sprintsAt } from '../../support/race.ts';
import { pdfText } from './sheet-race.ts';

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
async function get(base: string, path: string, token: string | null) {
  const response = await fetch(base + path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** What both servers must do; `server()` gives the base URL, tokens and race. */
function routeContract(server: () => { url: string; tokens: ApiTokens; raceId: string }) {
  it('serves the results sheet as a PDF download with a view token', async () => {
    const { url, tokens, raceId } = server();
    const { response, body } = await get(url, `/api/v1/races/${raceId}/results.pdf`, tokens.view);
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
    expect(text).toMatch(/Confirmed \d{1,2} \w+ \d{4} \d\d:\d\d:\d\d/);
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
    const { response, body } = await get(url, path, tokens.view);
    expect(response.status).toBe(200);
    expect(pdfText(body)).toContain('Arena Santa Giulia, Milano');
  });

  it('answers 404 for an unknown race and 401 without a token', async () => {
    const { url, tokens, raceId } = server();
    const unknown = await get(url, '/api/v1/races/no-such-race/results.pdf', tokens.view);
    expect(unknown.response.status).toBe(404);
    expect(JSON.parse(unknown.body.toString())).toEqual({
      ok: false,
      error: 'race "no-such-race" is not in the program',
    });
    const anonymous = await get(url, `/api/v1/races/${raceId}/results.pdf`, null);
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
    registerResultsPdfRoute(app, new HostSession(fixture.host));
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
