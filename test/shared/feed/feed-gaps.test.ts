import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { feedGapsOf, raceFeed } from '../../../src/shared/feed/feed.ts';
import { feedSchema, type Feed } from '../../../src/shared/feed/schema.ts';
import { feedCsv, feedCsvColumns, feedXml } from '../../../src/shared/feed/text.ts';
import { raceView } from '../../../src/shared/race/view.ts';
import { meetingFactsOf } from '../../../src/shared/results/meeting-facts.ts';
import type { GapsView } from '../../../src/shared/timing/gaps-view.ts';
import { noGaps, raceGaps, type CrossingsOf } from '../../../src/shared/timing/groups.ts';
import { opening, race } from '../../support/race.ts';

// The groups and gaps in the feed (issue 21, part 1): a top-level `groups` after `standings`,
// and each row's `behindLeaderSeconds` and `lastLapMs`, from the loop's passings through the real
// derivation (src/shared/timing/groups.ts). Without timing they are null or [], never invented.

const meeting = meetingFactsOf(
  { meeting: 'World Cup, Heerenveen', venue: '', meetingDate: null, timeZone: null },
  'Europe/Amsterdam',
);
const { state } = race(opening({ round: 'final' }));

/** The gun on the decoder's clock. */
const START = 100_000;

/**
 * Lap 1 of a final of 12, as the loop read it: #5, #12 and #3 away (0.4 s apart), the bunch
 * 12.9 s behind #5, 0.2 s apart; #11 not read yet (a transponder that fell off).
 */
const lap1: readonly [bib: number, decoderMs: number][] = [
  [5, 130_000],
  [12, 130_400],
  [3, 130_800],
  ...[1, 2, 4, 6, 7, 8, 9, 10].map((bib, k): [number, number] => [bib, 142_900 + 200 * k]),
];
const crossings: CrossingsOf[] = lap1.map(([bib, decoderMs]) => ({
  bib,
  laps: [{ decoderMs, inferred: false }],
}));

const gaps: GapsView = {
  raceId: 'men-final',
  seq: 4,
  ...raceGaps({ state, startMs: START, skaters: crossings, thresholdMs: 1000 }),
};

const feedOf = (view: GapsView | null, id = 'men-final'): Feed =>
  raceFeed(raceView(id, 9, state), meeting, view);
const row = (feed: Feed, helmet: number) => feed.standings.find((r) => r.helmet === helmet)!;

describe('the groups and gaps in the feed (issue 21)', () => {
  it('lists the groups from the front, with the gap in seconds and metres, after the standings', () => {
    const feed = feedOf(gaps);
    expect(feedSchema.strict().parse(feed)).toEqual(feed);
    expect(Object.keys(feed).slice(-2)).toEqual(['standings', 'groups']);
    // The leader's lap took 30 s: 12.9 s behind is 12.9 / 30 of a 400 m lap, 172 m.
    expect(feed.groups).toEqual([
      { helmets: [5, 12, 3], behindLeaderSeconds: 0, behindLeaderMetres: 0 },
      {
        helmets: [1, 2, 4, 6, 7, 8, 9, 10],
        behindLeaderSeconds: 12.9,
        behindLeaderMetres: 172,
      },
    ]);
    for (const group of feed.groups)
      expect(Object.keys(group)).toEqual(['helmets', 'behindLeaderSeconds', 'behindLeaderMetres']);
  });

  it("gives each row the skater's own gap and last lap, and null for one the loop has not timed", () => {
    const feed = feedOf(gaps);
    const loop = (helmet: number) => {
      const { behindLeaderSeconds, lastLapMs } = row(feed, helmet);
      return { behindLeaderSeconds, lastLapMs };
    };
    expect(loop(5)).toEqual({ behindLeaderSeconds: 0, lastLapMs: 30_000 });
    expect(loop(3)).toEqual({ behindLeaderSeconds: 0.8, lastLapMs: 30_800 });
    expect(loop(10)).toEqual({ behindLeaderSeconds: 14.3, lastLapMs: 44_300 });
    expect(loop(11)).toEqual({ behindLeaderSeconds: null, lastLapMs: null });
    for (const standing of feed.standings)
      expect(Object.keys(standing).slice(-2)).toEqual(['behindLeaderSeconds', 'lastLapMs']);
  });

  it('leaves them null and [] without timing, and for another race than the gaps are of', () => {
    for (const feed of [feedOf(null), feedOf(gaps, 'men-semi-1')]) {
      expect(feed.groups).toEqual([]);
      expect(
        feed.standings.every((r) => r.behindLeaderSeconds === null && r.lastLapMs === null),
      ).toBe(true);
      expect(feedSchema.strict().parse(feed)).toEqual(feed);
    }
  });

  it('takes gaps with nothing timed for none: the same feed, so the same bytes and ETag', () => {
    const nothing: GapsView = { raceId: 'men-final', seq: 9, ...noGaps(1) };
    expect(feedGapsOf(nothing, 'men-final')).toBeNull();
    expect(feedGapsOf(gaps, 'men-final')).toBe(gaps);
    expect(feedGapsOf(gaps, 'men-semi-1')).toBeNull();
    expect(feedOf(nothing)).toEqual(feedOf(null));
  });

  it('writes the groups to XML as <groups><group>, and the row fields to XML and CSV', () => {
    const feed = feedOf(gaps);
    const xml = new XMLParser({
      parseTagValue: false,
      isArray: (_name, path) => path === 'feed.groups.group.helmets.helmet',
    }).parse(feedXml(feed)) as {
      feed: {
        standings: { skater: Record<string, string>[] };
        groups: { group: { helmets: { helmet: string[] }; [field: string]: unknown }[] };
      };
    };
    expect(xml.feed.groups.group).toEqual([
      {
        helmets: { helmet: ['5', '12', '3'] },
        behindLeaderSeconds: '0',
        behindLeaderMetres: '0',
      },
      {
        helmets: { helmet: ['1', '2', '4', '6', '7', '8', '9', '10'] },
        behindLeaderSeconds: '12.9',
        behindLeaderMetres: '172',
      },
    ]);
    const csv = Papa.parse<Record<string, string>>(feedCsv(feed).slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields?.slice(-2)).toEqual(['behindLeaderSeconds', 'lastLapMs']);
    // The groups are a table of their own: no column (JSON and XML carry them).
    expect(feedCsvColumns(feed)).not.toContain('groups');
    for (const rows of [xml.feed.standings.skater, csv.data]) {
      const byHelmet = (helmet: number) => rows.find((r) => r.helmet === String(helmet))!;
      expect([byHelmet(12).behindLeaderSeconds, byHelmet(12).lastLapMs]).toEqual(['0.4', '30400']);
      expect([byHelmet(11).behindLeaderSeconds, byHelmet(11).lastLapMs]).toEqual(['', '']);
    }
  });

  it('writes an empty <groups> without timing', () => {
    const xml = new XMLParser({ parseTagValue: false }).parse(feedXml(feedOf(null))) as {
      feed: Record<string, unknown>;
    };
    expect(xml.feed.groups).toBe('');
  });
});
