import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { feedGapsOf, raceFeed } from '../../shared/feed/feed.ts';
import { feedVersion, type Feed } from '../../shared/feed/schema.ts';
import {
  feedContentTypes,
  feedCsv,
  feedJson,
  feedXml,
  type FeedFormat,
} from '../../shared/feed/text.ts';
import type { MeetingFacts } from '../../shared/results/meeting-facts.ts';
import type { RaceView } from '../../shared/race/view.ts';
import type { GapsView } from '../../shared/timing/gaps-view.ts';
import type { HostSession } from '../host/session.ts';
import { meetingFacts } from '../results-out/meeting-facts.ts';
import { access } from './auth.ts';
import { failure } from './replies.ts';

/** Options of the feed routes. */
export interface FeedRouteOptions {
  /** A comment line on every event stream this often, so proxies keep it open (default 15 s). */
  readonly keepAliveMs?: number;
}

/** The race a feed URL names: a race id, or `active` for the race on the boards. */
export const activeRace = 'active';

const texts: Readonly<Record<FeedFormat, (feed: Feed) => string>> = {
  json: feedJson,
  xml: feedXml,
  csv: feedCsv,
};

/**
 * Every feed response may be read by graphics pages of another origin (CasparCG templates,
 * H2R, Singular): the view token in the URL is what guards it. Pollers must revalidate.
 */
const feedHeaders = {
  'Cache-Control': 'no-cache',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** Route options of a feed route: the view token, and feedHeaders set after the server's own. */
const feedRoute = {
  ...access('view'),
  onSend: async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.headers(feedHeaders);
  },
};

/**
 * The groups' part of an ETag (issue 21): their seq, which grows with every change, and this
 * process's start, since a restarted host counts its seq from 0 again. '' without groups.
 */
export function gapsTag(gaps: GapsView | null, boot: string): string {
  return gaps ? `-g${boot}.${gaps.seq}` : '';
}

/** A name for this process's start, for gapsTag. */
export const bootTag = (now = Date.now()): string => now.toString(36);

/** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 13.1.2). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Live data feeds for broadcast graphics (issue 11; README "Live data feeds"): GET
 * /api/v1/feed/<race>.json|.xml|.csv with a strong ETag, and the event stream
 * /api/v1/feed/<race>/events (Server-Sent Events). `<race>` is a race id or `active`.
 */
export function registerFeedRoutes(
  app: FastifyInstance,
  session: HostSession,
  options: FeedRouteOptions = {},
): void {
  const { host } = session;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const boot = bootTag();
  // The host derives one view per race revision; each gets one feed per meeting (its facts are
  // in the feed: issue 19) and per groups (issue 21: they change at every bunch's crossing, far
  // more often than the race), and each text once.
  const feeds = new WeakMap<
    RaceView,
    { meeting: MeetingFacts; gaps: GapsView | null; feed: Feed }
  >();
  const bodies = new WeakMap<Feed, Partial<Record<FeedFormat, string>>>();
  /** The groups of this race now: the active race's, once the loop has timed someone. */
  const gapsFor = (view: RaceView): GapsView | null => feedGapsOf(session.gaps(), view.id);
  const feedOf = (view: RaceView, gaps: GapsView | null): Feed => {
    const meeting = meetingFacts(host.program());
    const kept = feeds.get(view);
    if (kept?.meeting === meeting && kept.gaps === gaps) return kept.feed;
    const feed = raceFeed(view, meeting, gaps);
    feeds.set(view, { meeting, gaps, feed });
    return feed;
  };
  const textOf = (feed: Feed, format: FeedFormat): string => {
    const cached = bodies.get(feed) ?? {};
    bodies.set(feed, cached);
    return (cached[format] ??= texts[format](feed));
  };

  /** The race a URL names now, or why there is none. */
  const lookUp = (race: string): { view: RaceView } | { error: string } => {
    const id = race === activeRace ? host.activeRaceId : race;
    if (id === null)
      return {
        error: `no race is active: make a race active in the console's program, or name it: /api/v1/feed/<race id>.json`,
      };
    const view = host.race(id);
    return view ? { view } : { error: `race "${id.slice(0, 100)}" is not in the program` };
  };

  app.get<{ Params: { file: string } }>('/api/v1/feed/:file', feedRoute, async (request, reply) => {
    const match = /^(.+)\.(json|xml|csv)$/.exec(request.params.file);
    if (!match)
      return reply
        .code(404)
        .send(
          failure('a feed is <race>.json, <race>.xml or <race>.csv (<race>: a race id or active)'),
        );
    const format = match[2] as FeedFormat;
    const found = lookUp(match[1]!);
    if ('error' in found) return reply.code(404).send(failure(found.error));
    const { view } = found;
    const gaps = gapsFor(view);
    // Same race, revision and groups, same bytes; the program revision guards a race id used again.
    const etag = `"feed${feedVersion}-${encodeURIComponent(view.id)}-${view.revision}-${host.program().revision}${gapsTag(gaps, boot)}-${format}"`;
    reply.header('ETag', etag);
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type(feedContentTypes[format]).send(textOf(feedOf(view, gaps), format));
  });

  const streams = new Set<() => void>();
  app.addHook('preClose', (done) => {
    for (const end of [...streams]) end();
    done();
  });

  app.get<{ Params: { race: string } }>(
    '/api/v1/feed/:race/events',
    { ...feedRoute, exposeHeadRoute: false },
    (request, reply) => {
      const { race } = request.params;
      const found = lookUp(race);
      if ('error' in found) return reply.code(404).send(failure(found.error));
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...feedHeaders,
        'Content-Type': 'text/event-stream; charset=utf-8',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no', // nginx: do not hold events back
        'X-Content-Type-Options': 'nosniff',
        // The primary's epoch (issue 20); a takeover ends the stream with its host.
        'X-Massstart-Epoch': String(host.programData.epoch),
      });
      raw.write('retry: 2000\n\n');
      // A client reconnecting to a named race skips the feed it already has (Last-Event-ID). For
      // `active` the id alone cannot tell whether the active race changed, so it always gets one;
      // nor can it tell which groups a client had (the id is the revision): with groups, one too.
      const lastId = race === activeRace ? undefined : request.headers['last-event-id'];
      let sent: string | null = lastId === undefined ? null : `${race}\n${String(lastId).trim()}`;
      let blocked = false;
      let ended = false;
      const push = () => {
        if (ended || blocked || raw.destroyed) return;
        const now = lookUp(race);
        const gaps = 'error' in now ? null : gapsFor(now.view);
        const key =
          'error' in now
            ? 'none'
            : `${now.view.id}\n${now.view.revision}${gaps ? `\n${gaps.seq}` : ''}`;
        if (key === sent) return;
        sent = key;
        const event =
          'error' in now
            ? `event: unavailable\ndata: ${JSON.stringify(failure(now.error))}\n\n`
            : `event: feed\nid: ${now.view.revision}\ndata: ${textOf(feedOf(now.view, gaps), 'json')}\n\n`;
        if (!raw.write(event)) blocked = true; // the latest goes out on 'drain'
      };
      // A change of the race and a change of the groups it brings (the timing feed derives them
      // in a microtask after the host's change) go out as one event: pushed once both are in.
      let queued = false;
      const changed = () => {
        if (queued) return;
        queued = true;
        queueMicrotask(() => {
          queued = false;
          try {
            push();
          } catch {
            end();
          }
        });
      };
      const unsubscribe = host.subscribe(changed);
      const unfollowGaps = session.onGaps(changed);
      const keepAlive = setInterval(() => raw.write(': keepalive\n\n'), keepAliveMs);
      keepAlive.unref();
      const end = () => {
        ended = true;
        clearInterval(keepAlive);
        unsubscribe();
        unfollowGaps();
        streams.delete(end);
        if (!raw.destroyed) raw.end();
      };
      streams.add(end);
      raw.on('drain', () => {
        blocked = false;
        push();
      });
      raw.on('close', end);
      raw.on('error', end);
      push();
    },
  );
}
