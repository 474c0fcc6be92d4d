// The public live feed (issue 13) on the real server: off by default, no token, cache headers,
// ETag, the immutable per-revision documents, the page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingFacts } from '../../../src/main/results-out/meeting-facts.ts';
import { raceFeed } from '../../../src/shared/feed/feed.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { raceView } from '../../../src/shared/race/view.ts';
import { startApi, type ApiFixture } from '../../support/api-server.ts';

let api: ApiFixture;
let clock = Date.parse('2026-02-21T14:00:00.250Z');
beforeEach(async () => {
  api = await startApi({ publicFeed: { now: () => clock } });
});
afterEach(() => api.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(api.server.url + path, { headers });
const on = () =>
  api.call('/api/v1/program', { body: { type: 'public/configured', enabled: true } });

describe('the public live feed', () => {
  it('is off until the meeting switches it on, and needs no token then', async () => {
    const off = await get('/public/v1/live.json');
    expect(off.status).toBe(404);
    expect(((await off.json()) as { error: string }).error).toMatch(/public feed is off/);
    expect((await get('/public/')).status).toBe(404);
    expect((await on()).status).toBe(200);
    expect(api.host.program().publicFeed).toBe(true);
    const live = await get('/public/v1/live.json');
    expect(live.status).toBe(200);
    const body = (await live.json()) as {
      meeting: string;
      at: number;
      race: { raceId: string; lapsToGo: number };
    };
    expect(body).toMatchObject({
      at: Date.parse('2026-02-21T14:00:00Z'),
      race: { raceId: api.raceId, lapsToGo: 16 },
    });
    // The control token is worth nothing here, and the view token is not asked for.
    const page = await get('/public/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/connect-src 'self'/);
    expect(await page.text()).toContain('Live data paused');
  });

  it('lets a cache keep live.json a second, with an ETag that answers 304', async () => {
    await on();
    const first = await get('/public/v1/live.json');
    expect(first.headers.get('cache-control')).toBe('public, max-age=1, stale-while-revalidate=5');
    const etag = first.headers.get('etag')!;
    expect((await get('/public/v1/live.json', { 'if-none-match': etag })).status).toBe(304);
    clock += 1000; // the next second: new content (the clock in it moves)
    const next = await get('/public/v1/live.json', { 'if-none-match': etag });
    expect(next.status).toBe(200);
    expect(next.headers.get('etag')).not.toBe(etag);
  });

  it('serves every race revision at its own immutable URL, as the race was then', async () => {
    await on();
    for (const command of [
      { type: 'race/started' },
      { type: 'lap/completed' },
      { type: 'lap/completed' },
    ])
      await api.call('/api/v1/commands', { body: command });
    const live = (await (await get('/public/v1/live.json')).json()) as { revisionUrl: string };
    const journal = api.host.journal(api.raceId)!.entries;
    expect(live.revisionUrl).toBe(`/public/v1/races/${api.raceId}/${journal.length}.json`);
    const past = await get(`/public/v1/races/${api.raceId}/${journal.length - 1}.json`);
    expect(past.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const state = foldJournal(journal.slice(0, journal.length - 1)).state;
    expect(await past.json()).toEqual(
      JSON.parse(
        JSON.stringify(
          raceFeed(
            raceView(api.raceId, journal.length - 1, state),
            meetingFacts(api.host.program()),
          ),
        ),
      ),
    );
    expect((await get(`/public/v1/races/${api.raceId}/${journal.length + 1}.json`)).status).toBe(
      404,
    );
    expect((await get(`/public/v1/races/${api.raceId}/x.json`)).status).toBe(404);
    expect((await get('/public/v1/races/nope/1.json')).status).toBe(404);
  });
});
