import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RaceHost } from '../../../src/main/host/host.ts';
import { HostSession } from '../../../src/main/host/session.ts';
import { loadOrCreateTokens, type ApiTokens } from '../../../src/main/host/tokens.ts';
import { registerAuth } from '../../../src/main/server/auth.ts';
import { registerFeedRoutes } from '../../../src/main/server/feed-routes.ts';
import { openHost, type HostFixture } from '../../support/host-fixture.ts';
import { EventStream } from './event-stream.ts';

// The feed routes alone on a Fastify app of their own, with a keepalive of 20 ms (15 s in
// the server): tests must not wait 15 s.
let fixture: HostFixture;
let tokens: ApiTokens;
let app: FastifyInstance;
let url: string;

/** The host's listeners (private): the event stream must take its own away on close. */
const listeners = (host: RaceHost) =>
  (host as unknown as { listeners: Set<unknown> }).listeners.size;

beforeEach(async () => {
  fixture = await openHost({ prefix: 'feed' });
  tokens = await loadOrCreateTokens(fixture.dataDir);
  app = Fastify({ forceCloseConnections: true });
  registerAuth(app, tokens);
  registerFeedRoutes(app, new HostSession(fixture.host), { keepAliveMs: 20 });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await app.close();
  await fixture.close();
});

it('sends a comment keepalive on the interval it is given, and lets go of the host on close', async () => {
  const before = listeners(fixture.host);
  const stream = await EventStream.open(`${url}/api/v1/feed/active/events?token=${tokens.view}`);
  await stream.next();
  expect(listeners(fixture.host)).toBe(before + 1);
  expect((await stream.comment(2)).slice(0, 2)).toEqual(['keepalive', 'keepalive']);
  stream.close();
  await stream.closed();
  for (let i = 0; i < 100 && listeners(fixture.host) > before; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(listeners(fixture.host)).toBe(before);
});

it('ends open event streams when the server closes', async () => {
  const before = listeners(fixture.host);
  const stream = await EventStream.open(`${url}/api/v1/feed/active/events?token=${tokens.view}`);
  await stream.next();
  await app.close();
  await stream.closed();
  expect(listeners(fixture.host)).toBe(before);
});
