// The groups and gaps in the live data feeds (issue 21, part 1) over real HTTP: a host whose
// timing feed reads a P3 decoder stand-in on loopback, the real session, the real server. The
// decoder's times are written ahead of the clock, so a lap takes no time to run.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HostSession } from '../../../src/main/host/session.ts';
import { loadOrCreateTokens, type ApiTokens } from '../../../src/main/host/tokens.ts';
import { startServer, type RunningServer } from '../../../src/main/server/http-api.ts';
import { TimingService } from '../../../src/main/timing/timing-service.ts';
import type { Feed } from '../../../src/shared/feed/schema.ts';
import type { Skater } from '../../../src/shared/race/events.ts';
import { encodePassing } from '../../../src/shared/timing/p3-encode.ts';
import { startDecoder, until, write, type FakeDecoder } from '../../support/fake-decoder.ts';
import {
  defaultRace,
  expectAccepted,
  openHost,
  type HostFixture,
} from '../../support/host-fixture.ts';
import { EventStream } from '../feed/event-stream.ts';

const field: Skater[] = Array.from({ length: 12 }, (_, i) => ({
  bib: i + 1,
  name: `Skater ${i + 1}`,
  nation: 'NED',
  transponder: String(7000 + i + 1),
}));
/** The decoder's start input (MYLAPS: the gun arrives as a passing of transponder 9992). */
const GUN = 9992;
/** The public feed's clock: one second throughout, so only the groups can change its ETag. */
const CLOCK = Date.parse('2026-02-21T14:00:00.250Z');

interface Rig {
  readonly fixture: HostFixture;
  readonly session: HostSession;
  readonly server: RunningServer;
  readonly tokens: ApiTokens;
  /** GET with the view token in the query, as a CG data source is set up. */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** The race starts, and the gun reaches the decoder. */
  start(): Promise<void>;
  /** `bib` crosses the line `raceMs` after the gun, by the decoder's clock. */
  cross(bib: number, raceMs: number): Promise<void>;
  /** Waits until the loop has timed this many skaters. */
  timed(count: number): Promise<void>;
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A host with its timing feed and server; with a decoder stand-in unless `decoder` is false. */
async function rig(decoder = true): Promise<Rig> {
  const fixture = await openHost({ prefix: 'feed-gaps', skaters: field });
  cleanup.push(() => fixture.close());
  const session = new HostSession(fixture.host);
  const timing = new TimingService({ session });
  cleanup.push(async () => {
    await timing.close();
    session.close();
  });
  const tokens = await loadOrCreateTokens(fixture.dataDir);
  const server = await startServer({
    host: fixture.host,
    session,
    tokens,
    port: 0,
    publicFeed: { now: () => CLOCK },
  });
  cleanup.push(() => server.close());
  let socket: Socket | null = null;
  if (decoder) {
    const stand: FakeDecoder = await startDecoder();
    cleanup.push(() => stand.close());
    const connection = stand.nextConnection();
    expectAccepted(
      await fixture.host.programCommand(
        { type: 'timing/configured', url: `p3://127.0.0.1:${stand.port}` },
        'test',
      ),
    );
    socket = await connection;
    await until(() => timing.view().status.connection === 'connected');
  }
  let gun = 0;
  let passingNumber = 1;
  const pass = (transponder: number, decoderMs: number) =>
    write(
      socket!,
      encodePassing({
        passingNumber: passingNumber++,
        transponder,
        rtcTimeUs: BigInt(decoderMs) * 1000n,
      }),
    );
  return {
    fixture,
    session,
    server,
    tokens,
    get: (path, headers = {}) =>
      fetch(`${server.url}${path}${path.includes('?') ? '&' : '?'}token=${tokens.view}`, {
        headers,
      }),
    async start() {
      expectAccepted(
        await fixture.host.submit(
          { kind: 'single', command: { type: 'race/started' } },
          'test',
          fixture.raceId,
        ),
      );
      gun = Date.now();
      if (socket) await pass(GUN, gun);
    },
    cross: (bib, raceMs) => pass(7000 + bib, gun + raceMs),
    timed: (count) => until(() => session.gaps()?.skaters.length === count),
  };
}

/** Lap 1: #5, #12 and #3 away, 0.4 s apart (30.0 s, 30.4 s, 30.8 s). */
async function breakaway(r: Rig): Promise<void> {
  await r.start();
  for (const [bib, at] of [
    [5, 30_000],
    [12, 30_400],
    [3, 30_800],
  ] as const)
    await r.cross(bib, at);
  await r.timed(3);
}

/** Lap 1 of the bunch, 12.9 s behind #5, 0.2 s apart: #1, #2, #4; #6 ... #12 not yet. */
async function bunch(r: Rig): Promise<void> {
  for (const [k, bib] of [1, 2, 4].entries()) await r.cross(bib, 42_900 + 200 * k);
  await r.timed(6);
}

const json = async (response: Response) => (await response.json()) as Feed;
const helmetRow = (feed: Feed, helmet: number) => {
  const row = feed.standings.find((r) => r.helmet === helmet)!;
  return [row.behindLeaderSeconds, row.lastLapMs];
};

describe('groups and gaps in the live data feeds (issue 21)', () => {
  it("serves the groups and each row's gap and last lap from the loop, as JSON and CSV", async () => {
    const r = await rig();
    await breakaway(r);
    await bunch(r);
    const feed = await json(await r.get('/api/v1/feed/active.json'));
    expect(feed.groups).toEqual([
      { helmets: [5, 12, 3], behindLeaderSeconds: 0, behindLeaderMetres: 0 },
      // 12.9 s at the leader's 30 s lap of 400 m: 172 m.
      { helmets: [1, 2, 4], behindLeaderSeconds: 12.9, behindLeaderMetres: 172 },
    ]);
    expect(helmetRow(feed, 12)).toEqual([0.4, 30_400]);
    expect(helmetRow(feed, 4)).toEqual([13.3, 43_300]);
    expect(helmetRow(feed, 7)).toEqual([null, null]); // not across the line yet
    const named = await r.get(`/api/v1/feed/${r.fixture.raceId}.json`);
    expect((await json(named)).groups).toEqual(feed.groups);
    const csv = (await r.get('/api/v1/feed/active.csv')).text();
    const [header, ...rows] = (await csv).replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.endsWith(',behindLeaderSeconds,lastLapMs')).toBe(true);
    expect(rows.filter((row) => /,0\.4,30400$/.test(row))).toHaveLength(1);
  });

  it('leaves groups [] and the row fields null without a decoder, and for a race not active', async () => {
    const r = await rig(false);
    await r.start();
    const reply = await r.get('/api/v1/feed/active.json');
    // Nothing timed: the bytes, and so the ETag, of a host without a timing feed.
    expect(reply.headers.get('etag')).toMatch(/^"feed1-men-semi-1-\d+-\d+-json"$/);
    const feed = await json(reply);
    expect(feed.started).toBe(true);
    expect(feed.groups).toEqual([]);
    expect(feed.standings.every((row) => row.behindLeaderSeconds === null)).toBe(true);
    expect(feed.standings.every((row) => row.lastLapMs === null)).toBe(true);

    const timed = await rig();
    await breakaway(timed);
    const other = expectAccepted(
      await timed.fixture.host.programCommand({ ...defaultRace, title: 'Men Semi 2' }, 'test'),
    ).raceId!;
    const idle = await json(await timed.get(`/api/v1/feed/${other}.json`));
    expect(idle.groups).toEqual([]);
    expect((await json(await timed.get('/api/v1/feed/active.json'))).groups).toHaveLength(1);
  });

  it('changes the ETag when only the groups change, and answers 304 while they stand', async () => {
    const r = await rig();
    await breakaway(r);
    const first = await r.get('/api/v1/feed/active.json');
    const etag = first.headers.get('etag')!;
    const seq = r.session.gaps()!.seq;
    expect(etag).toMatch(new RegExp(`^"feed1-men-semi-1-\\d+-\\d+-g[0-9a-z]+\\.${seq}-json"$`));
    expect((await r.get('/api/v1/feed/active.json', { 'if-none-match': etag })).status).toBe(304);
    const revision = r.fixture.host.race()!.revision;
    await bunch(r);
    expect(r.fixture.host.race()!.revision).toBe(revision); // the race did not change ...
    const after = await r.get('/api/v1/feed/active.json', { 'if-none-match': etag });
    expect(after.status).toBe(200); // ... its groups did
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await json(after)).groups).toHaveLength(2);
    expect((await json(first)).groups).toHaveLength(1);
  });

  it('sends an event on the stream when only the groups changed, with the revision as its id', async () => {
    const r = await rig();
    await breakaway(r);
    const stream = await EventStream.open(
      `${r.server.url}/api/v1/feed/active/events?token=${r.tokens.view}`,
    );
    try {
      const first = await stream.next();
      expect((JSON.parse(first.data) as Feed).groups).toHaveLength(1);
      await r.cross(1, 42_900);
      const next = await stream.next();
      expect(next).toMatchObject({ event: 'feed', id: first.id });
      const feed = JSON.parse(next.data) as Feed;
      expect(feed.groups.map((group) => group.helmets)).toEqual([[5, 12, 3], [1]]);
      expect(helmetRow(feed, 1)).toEqual([12.9, 42_900]);
    } finally {
      stream.close();
    }
  });

  it("puts them in the public live.json, whose ETag follows them; a revision's document has none", async () => {
    const r = await rig();
    expectAccepted(
      await r.fixture.host.programCommand({ type: 'public/configured', enabled: true }, 'test'),
    );
    await breakaway(r);
    const first = await fetch(`${r.server.url}/public/v1/live.json`);
    const etag = first.headers.get('etag')!;
    const live = (await first.json()) as { race: Feed; revisionUrl: string };
    expect(live.race.groups).toEqual([
      { helmets: [5, 12, 3], behindLeaderSeconds: 0, behindLeaderMetres: 0 },
    ]);
    expect(helmetRow(live.race, 3)).toEqual([0.8, 30_800]);
    const unchanged = await fetch(`${r.server.url}/public/v1/live.json`, {
      headers: { 'if-none-match': etag },
    });
    expect(unchanged.status).toBe(304);
    await bunch(r);
    const after = await fetch(`${r.server.url}/public/v1/live.json`, {
      headers: { 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { race: Feed }).race.groups).toHaveLength(2);
    // Immutable, one per race revision: the groups change within a revision, so none there.
    const revision = (await (await fetch(`${r.server.url}${live.revisionUrl}`)).json()) as Feed;
    expect(revision.groups).toEqual([]);
    expect(revision.standings.every((row) => row.lastLapMs === null)).toBe(true);
  });
});
