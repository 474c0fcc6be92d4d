import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Feed } from '../../../src/shared/feed/schema.ts';
import { parseRaceSheet, sheetCommands } from '../../../src/shared/sheet/sheet.ts';
import { startApi, type ApiFixture } from '../../support/api-server.ts';
import { defaultRace, expectAccepted } from '../../support/host-fixture.ts';
import { EventStream } from './event-stream.ts';

let api: ApiFixture;
beforeEach(async () => {
  api = await startApi();
});
afterEach(async () => {
  await api.close();
});

const lap = { type: 'lap' };

/** GET with the view token in the query, as a CG data source is set up. */
async function get(path: string, headers: Record<string, string> = {}) {
  const sep = path.includes('?') ? '&' : '?';
  const response = await fetch(`${api.server.url}${path}${sep}token=${api.tokens.view}`, {
    headers,
  });
  // fetch's text() drops a byte order mark: decode keeping it, so the CSV test can see it.
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { status: response.status, headers: response.headers, bytes, text };
}

const command = (body: unknown, race = api.raceId) =>
  api.call(`/api/v1/races/${race}/commands`, { body }).then((reply) => {
    expect(reply.status, JSON.stringify(reply.json)).toBe(200);
    return reply;
  });

/** The fixture's semi after the start, four laps and sprint 1 (3-7-12), and one lap more. */
async function raceInProgress(): Promise<void> {
  await command({ commands: [lap, lap, lap, lap, lap] });
  await command({ type: 'sprint/placed', sprint: 1, bibs: [3, 7, 12] });
  await command(lap);
}

/** The Milano Cortina 2026 semi-final 1 as a second race, from its race sheet. */
async function milanoCortinaSemi(): Promise<string> {
  const sheet = parseRaceSheet(readFileSync('test/fixtures/sheets/mc2026-men-semi1.json', 'utf8'));
  const added = expectAccepted(
    await api.host.programCommand({ ...defaultRace, title: 'MC 2026 Semi 1' }, 'test'),
  );
  const raceId = added.raceId!;
  expectAccepted(
    await api.host.submit({ kind: 'batch', commands: sheetCommands(sheet) }, 'test', raceId),
  );
  return raceId;
}

const readXml = (text: string) =>
  new XMLParser({ parseTagValue: false }).parse(text) as {
    feed: Record<string, string> & { standings: { skater: Record<string, string>[] } };
  };

const readCsv = ({ bytes, text }: { bytes: Uint8Array; text: string }) => {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

describe('live data feeds (issue 11): JSON, XML, CSV', () => {
  it('serves a race in progress as JSON, with ETag, no-cache and the charset', async () => {
    await raceInProgress();
    const reply = await get('/api/v1/feed/active.json');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(reply.headers.get('cache-control')).toBe('no-cache');
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect(reply.headers.get('etag')).toMatch(/^"feed1-men-semi-1-\d+-\d+-json"$/);
    const feed = JSON.parse(reply.text) as Feed;
    expect(feed).toMatchObject({
      revision: api.host.race()!.revision,
      raceId: 'men-semi-1',
      title: 'Men Semi 1',
      round: 'semi',
      phase: 'live',
      lapsCompleted: 5,
      lapsToGo: 11,
      sprintLap: false,
      bell: false,
      lastSprint: 1,
      lastSprint1Helmet: 3,
      lastSprint1Points: 3,
      lastSprint3Name: 'Skater 12',
    });
    expect(feed.standings.slice(0, 3).map((row) => [row.rank, row.helmet, row.sp1])).toEqual([
      [1, 3, 3],
      [2, 7, 2],
      [3, 12, 1],
    ]);
    expect(await get('/api/v1/feed/men-semi-1.json')).toMatchObject({
      status: 200,
      text: reply.text,
    });
  });

  it('serves the same race as XML and CSV that parse back', async () => {
    await raceInProgress();
    const xml = await get('/api/v1/feed/active.xml');
    expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(xml.headers.get('cache-control')).toBe('no-cache');
    const { feed } = readXml(xml.text);
    expect(feed).toMatchObject({ lapsToGo: '11', lastSprint1Helmet: '3', raceId: 'men-semi-1' });
    expect(feed.standings.skater).toHaveLength(12);
    expect(feed.standings.skater[0]).toMatchObject({ rank: '1', helmet: '3', sp1: '3', time: '' });

    const csv = await get('/api/v1/feed/active.csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const rows = readCsv(csv);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({
      rank: '1',
      helmet: '3',
      sp1: '3',
      lapsToGo: '11',
      sprintLap: 'false',
    });
    expect(rows.every((row) => row.lastSprint2Helmet === '7')).toBe(true);
  });

  it('serves the Milano Cortina semi-final with its diacritics intact in all three formats', async () => {
    const raceId = await milanoCortinaSemi();
    const json = JSON.parse((await get(`/api/v1/feed/${raceId}.json`)).text) as Feed;
    expect(json.title).toBe('Men · Mass Start · Semi-final 1');
    expect(json.standings.map((row) => row.name).slice(0, 6)).toEqual([
      'Antoine Gélinas-Beaulieu',
      'Shomu Sasaki',
      'Chung Jae-won',
      'Jordan Stolz',
      'Mathieu Belloir',
      'Indra Médard',
    ]);
    expect(json).toMatchObject({ phase: 'final', lastSprint: 4, lastSprintFinal: true });

    const { feed } = readXml((await get(`/api/v1/feed/${raceId}.xml`)).text);
    expect(feed.title).toBe('Men · Mass Start · Semi-final 1');
    expect(feed.standings.skater[0]).toMatchObject({
      name: 'Antoine Gélinas-Beaulieu',
      lastName: 'Gélinas-Beaulieu',
      total: '60',
      qualified: 'Q',
    });
    expect(feed.standings.skater[5]!.name).toBe('Indra Médard');

    const rows = readCsv(await get(`/api/v1/feed/${raceId}.csv`));
    expect(rows.map((row) => row.name)).toEqual(json.standings.map((row) => row.name));
    expect(rows[0]).toMatchObject({
      title: 'Men · Mass Start · Semi-final 1',
      lastSprint1Name: 'Antoine Gélinas-Beaulieu',
    });
    expect(rows.find((row) => row.helmet === '4')).toMatchObject({
      sp1: '3',
      sp2: '0',
      sp3: '2',
      final: '6',
      total: '11',
      qualified: 'Q',
    });
  });

  it('answers 304 to an unchanged If-None-Match, and a new revision and ETag after a lap', async () => {
    await command(lap);
    const first = await get('/api/v1/feed/active.json');
    const etag = first.headers.get('etag')!;
    const unchanged = await get('/api/v1/feed/active.json', { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(
      (await get('/api/v1/feed/active.json', { 'if-none-match': `"x", W/${etag}` })).status,
    ).toBe(304);
    // Each format has its own ETag.
    expect((await get('/api/v1/feed/active.csv', { 'if-none-match': etag })).status).toBe(200);

    await command(lap);
    const after = await get('/api/v1/feed/active.json', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const [before, now] = [first, after].map((reply) => JSON.parse(reply.text) as Feed);
    expect(now!.revision).toBe(before!.revision + 1);
    expect(now!.lapsToGo).toBe(before!.lapsToGo - 1);
  });

  it('answers 404 for an unknown race, an unknown format and when no race is active; 401 without a token', async () => {
    const unknown = await get('/api/v1/feed/nope.json');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toEqual({
      ok: false,
      error: 'race "nope" is not in the program',
    });
    expect((await get('/api/v1/feed/nope/events')).status).toBe(404);
    expect((await get('/api/v1/feed/active.txt')).status).toBe(404);
    const bare = await fetch(`${api.server.url}/api/v1/feed/active.json`);
    expect(bare.status).toBe(401);

    const removed = await api.call('/api/v1/program', {
      body: { type: 'race/removed', raceId: api.raceId },
    });
    expect(removed.status, JSON.stringify(removed.json)).toBe(200);
    for (const path of ['/api/v1/feed/active.xml', '/api/v1/feed/active/events']) {
      const none = await get(path);
      expect(none.status, path).toBe(404);
      expect(JSON.parse(none.text)).toEqual({
        ok: false,
        error: expect.stringMatching(/^no race is active/),
      });
    }
  });
});

describe('live data feeds (issue 11): Server-Sent Events', () => {
  it('sends the feed at connect and after a lap, with the revision as the event id', async () => {
    const stream = await EventStream.open(
      `${api.server.url}/api/v1/feed/active/events?token=${api.tokens.view}`,
    );
    try {
      expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers.get('cache-control')).toBe('no-cache');
      const first = await stream.next();
      const revision = api.host.race()!.revision;
      expect(first).toMatchObject({ event: 'feed', id: String(revision) });
      expect(JSON.parse(first.data)).toMatchObject({ revision, lapsToGo: 16, started: false });
      await command(lap); // the start
      await command(lap);
      const started = await stream.next();
      expect(started.id).toBe(String(revision + 1));
      expect(JSON.parse(started.data)).toMatchObject({ started: true, lapsToGo: 16 });
      const lapped = await stream.next();
      expect(JSON.parse(lapped.data)).toMatchObject({ revision: revision + 2, lapsToGo: 15 });
    } finally {
      stream.close();
    }
  });

  it('skips the first feed when Last-Event-ID is the current revision; the host carries on after the client left', async () => {
    const revision = api.host.race()!.revision;
    const stream = await EventStream.open(
      `${api.server.url}/api/v1/feed/${api.raceId}/events?token=${api.tokens.view}`,
      { 'last-event-id': String(revision) },
    );
    await command(lap);
    const next = await stream.next();
    expect(next.id).toBe(String(revision + 1));
    stream.close();
    await stream.closed();
    await command(lap); // nothing left to send to; must not throw in the host
  });

  it('follows the active race to another race, and says when a named race leaves the program', async () => {
    const active = await EventStream.open(
      `${api.server.url}/api/v1/feed/active/events?token=${api.tokens.view}`,
    );
    try {
      expect(JSON.parse((await active.next()).data)).toMatchObject({ raceId: api.raceId });
      const other = expectAccepted(
        await api.host.programCommand({ ...defaultRace, title: 'Men Semi 2' }, 'test'),
      ).raceId!;
      const named = await EventStream.open(
        `${api.server.url}/api/v1/feed/${other}/events?token=${api.tokens.view}`,
      );
      try {
        expect(JSON.parse((await named.next()).data)).toMatchObject({ raceId: other });
        expectAccepted(
          await api.host.programCommand({ type: 'race/activated', raceId: other }, 'test'),
        );
        let next = await active.next();
        while ((JSON.parse(next.data) as Feed).raceId !== other) next = await active.next();
        expect(next.event).toBe('feed');
        expectAccepted(
          await api.host.programCommand({ type: 'race/activated', raceId: api.raceId }, 'test'),
        );
        expectAccepted(
          await api.host.programCommand({ type: 'race/removed', raceId: other }, 'test'),
        );
        const gone = await named.next();
        expect(gone).toMatchObject({ event: 'unavailable' });
        expect(JSON.parse(gone.data)).toEqual({
          ok: false,
          error: `race "${other}" is not in the program`,
        });
      } finally {
        named.close();
      }
    } finally {
      active.close();
    }
  });
});
