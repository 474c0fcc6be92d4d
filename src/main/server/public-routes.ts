/**
 * The public live feed (issue 13): what an audience of any size may read, with no token, when
 * the meeting switches it on (`public/configured`, `serve --public`). Made to sit behind an HTTP
 * cache or CDN (resources/deploy/nginx.conf): `live.json` may be cached for a second, each race
 * revision has its own immutable URL, and the host answers each URL about once a second
 * whatever the audience. The page at /public/ polls live.json and says when the data stops.
 * The groups and gaps from the loop (issue 21) are in live.json's race only: they change within
 * a race revision, so a revision's immutable document cannot hold them (its `groups` is []).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { feedGapsOf, raceFeed } from '../../shared/feed/feed.ts';
import type { Feed } from '../../shared/feed/schema.ts';
import type { JournalEntry } from '../../shared/race/events.ts';
import { raceView, type RaceView } from '../../shared/race/view.ts';
import type { MeetingFacts } from '../../shared/results/meeting-facts.ts';
import type { GapsView } from '../../shared/timing/gaps-view.ts';
import type { HostSession } from '../host/session.ts';
import { meetingFacts } from '../results-out/meeting-facts.ts';
import { access } from './auth.ts';
import { bootTag, gapsTag, matchesEtag } from './feed-routes.ts';
import { publicPage } from './public-page.ts';
import { failure } from './replies.ts';
import { RevisionStates } from './revision-states.ts';

/** The live document: the meeting, the active race's feed (the flat shape of the data feeds). */
export interface PublicLive {
  readonly meeting: string;
  /** Host clock, whole seconds: it moves while the host lives (the page tells a pause by it). */
  readonly at: number;
  readonly revision: number;
  readonly race: Feed | null;
  /** This race revision's immutable document. */
  readonly revisionUrl: string | null;
}

const liveHeaders = {
  'Cache-Control': 'public, max-age=1, stale-while-revalidate=5',
  'Access-Control-Allow-Origin': '*',
};
const immutable = {
  'Cache-Control': 'public, max-age=31536000, immutable',
  'Access-Control-Allow-Origin': '*',
};

/** How many revision documents are kept, the least recently asked for dropped first. */
const KEEP = 500;

/** A revision as its URL must write it: decimal, no sign, no leading zero (one URL per document). */
const canonicalRevision = /^[1-9][0-9]{0,8}$/;

/** A revision document as the host keeps it, with the journal it was folded from. */
interface RevisionText {
  readonly first: JournalEntry;
  readonly text: string;
}

export interface PublicRouteOptions {
  /** The host's clock in ms (default Date.now). */
  readonly now?: () => number;
  /** Counts the requests the host answers (bench:public reads the origin's rate). */
  readonly onRequest?: (url: string) => void;
}

export function registerPublicRoutes(
  app: FastifyInstance,
  session: HostSession,
  options: PublicRouteOptions = {},
): void {
  const { host } = session;
  const now = options.now ?? Date.now;
  const boot = bootTag();
  // The active race's feed, made once per race view, meeting and groups (not once per request:
  // a host without a cache in front answers every poller).
  let live: { view: RaceView; meeting: MeetingFacts; gaps: GapsView | null; feed: Feed } | null =
    null;
  const liveFeed = (view: RaceView, meeting: MeetingFacts, gaps: GapsView | null): Feed => {
    if (live?.view !== view || live.meeting !== meeting || live.gaps !== gaps)
      live = { view, meeting, gaps, feed: raceFeed(view, meeting, gaps) };
    return live.feed;
  };
  const states = new RevisionStates();
  const texts = new Map<string, RevisionText>();
  const off = (reply: FastifyReply) =>
    reply
      .code(404)
      .header('Cache-Control', 'public, max-age=5')
      .send(failure('the public feed is off for this meeting (switch it on: public/configured)'));
  const count = (request: FastifyRequest) => options.onRequest?.(request.url);

  app.get('/public/v1/live.json', access('public'), async (request, reply) => {
    count(request);
    const program = host.program();
    if (!program.publicFeed) return off(reply);
    const race = host.race();
    const gaps = race ? feedGapsOf(session.gaps(), race.id) : null;
    const at = Math.floor(now() / 1000) * 1000;
    // The groups change between revisions: their seq is in the ETag (issue 21).
    const etag = `"${host.revision}${gapsTag(gaps, boot)}-${at / 1000}"`;
    reply.headers({ ...liveHeaders, ETag: etag });
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    const document: PublicLive = {
      meeting: program.meeting,
      at,
      revision: host.revision,
      race: race ? liveFeed(race, meetingFacts(program), gaps) : null,
      revisionUrl: race ? `/public/v1/races/${race.id}/${race.revision}.json` : null,
    };
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(document));
  });

  app.get<{ Params: { id: string; revision: string } }>(
    '/public/v1/races/:id/:revision.json',
    access('public'),
    async (request, reply) => {
      count(request);
      if (!host.program().publicFeed) return off(reply);
      const { id } = request.params;
      const entries = host.journal(id)?.entries;
      const race = JSON.stringify(id.slice(0, 100));
      if (!entries) return reply.code(404).send(failure(`race ${race} is not in the program`));
      // 1e3, 012, 12.0 and +12 would each be another immutable URL, and another fold, of one
      // document: only the canonical form is served (issue 17).
      const written = request.params.revision;
      const revision = canonicalRevision.test(written) ? Number(written) : 0;
      if (revision < 1 || revision > entries.length)
        return reply
          .code(404)
          .header('Cache-Control', 'public, max-age=1')
          .send(
            failure(
              `race ${race} has revisions 1 to ${entries.length}, written in decimal without leading zeros, not ${JSON.stringify(written.slice(0, 20))}`,
            ),
          );
      const key = `${id}/${revision}`;
      let kept = texts.get(key);
      if (!kept || kept.first !== entries[0]) {
        // The race as it was at that revision (its journal up to there), from the nearest fold kept.
        const state = states.state(id, entries, revision);
        kept = {
          first: entries[0]!,
          text: JSON.stringify(
            raceFeed(raceView(id, revision, state), meetingFacts(host.program())),
          ),
        };
      }
      texts.delete(key); // to the back of the line: the least recently asked go first
      texts.set(key, kept);
      if (texts.size > KEEP) texts.delete(texts.keys().next().value!);
      return reply.headers(immutable).type('application/json; charset=utf-8').send(kept.text);
    },
  );

  app.get('/public/', access('public'), async (request, reply) => {
    count(request);
    if (!host.program().publicFeed) return off(reply);
    return reply
      .headers({
        'Cache-Control': 'public, max-age=60',
        'Content-Security-Policy':
          "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
      })
      .type('text/html; charset=utf-8')
      .send(publicPage);
  });
}
