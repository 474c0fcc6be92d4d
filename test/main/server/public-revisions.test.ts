// The public revision URLs (issue 17): one URL per document (the canonical decimal revision,
// others 404 with a short cache), and every revision served as the race was then, folded from a
// checkpoint rather than from the start, undo and redo included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RevisionStates } from '../../../src/main/server/revision-states.ts';
import { meetingFacts } from '../../../src/main/results-out/meeting-facts.ts';
import { raceFeed } from '../../../src/shared/feed/feed.ts';
import type { JournalEntry } from '../../../src/shared/race/events.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { raceView } from '../../../src/shared/race/view.ts';
import { startApi, type ApiFixture } from '../../support/api-server.ts';
import { fillJournal } from './long-journal.ts';

let api: ApiFixture;
let entries: readonly JournalEntry[];
beforeAll(async () => {
  api = await startApi();
  await fillJournal(api.host, api.raceId, 300);
  await api.call('/api/v1/program', { body: { type: 'public/configured', enabled: true } });
  entries = api.host.journal(api.raceId)!.entries;
}, 60_000);
afterAll(() => api.close());

const revisionUrl = (revision: string) => `/public/v1/races/${api.raceId}/${revision}.json`;
const get = (path: string) => fetch(api.server.url + path);
/** The race's feed at a revision, folded from the journal's start (the definition). */
const folded = (revision: number) =>
  JSON.parse(
    JSON.stringify(
      raceFeed(
        raceView(api.raceId, revision, foldJournal(entries.slice(0, revision)).state),
        meetingFacts(api.host.program()),
      ),
    ),
  ) as unknown;

describe('public revision URLs', () => {
  it('serves the canonical decimal revision, immutable, as the race was then', async () => {
    expect(entries).toHaveLength(300);
    const answer = await get(revisionUrl('12'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await answer.json()).toEqual(folded(12));
  });

  it('answers every other way of writing a revision, and revisions the race has not, with 404 and a short cache', async () => {
    for (const written of ['1e3', '00012', '012', '-1', '+12', '12.0', '0', '0x0c', '301', '1e1']) {
      const answer = await get(revisionUrl(written));
      expect(answer.status, written).toBe(404);
      expect(answer.headers.get('cache-control'), written).toBe('public, max-age=1');
      expect(await answer.json()).toEqual({
        ok: false,
        error: `race "${api.raceId}" has revisions 1 to 300, written in decimal without leading zeros, not "${written}"`,
      });
    }
    expect((await get(revisionUrl('300'))).status).toBe(200);
    expect((await get(revisionUrl('99999999999999999999'))).status).toBe(404);
  });

  it('folds every revision of a journal with undo and redo as foldJournal does, in any order', async () => {
    expect(entries.filter((entry) => entry.event.type === 'event/voided').length).toBeGreaterThan(
      10,
    );
    const order = Array.from({ length: entries.length }, (_, index) => entries.length - index);
    // Backwards first (no checkpoint ahead yet), then forwards and strided over the checkpoints.
    for (const revision of [...order, ...order.reverse().filter((r) => r % 7 === 3)]) {
      const answer = await get(revisionUrl(String(revision)));
      expect(await answer.json(), `revision ${revision}`).toEqual(folded(revision));
    }
  });
});

describe('RevisionStates', () => {
  it('gives the state foldJournal gives for every prefix, and starts over for a race id used again', () => {
    const states = new RevisionStates();
    for (let revision = entries.length; revision >= 1; revision -= 5)
      expect(states.state('race', entries, revision)).toEqual(
        foldJournal(entries.slice(0, revision)).state,
      );
    // The same id, another journal (a race removed and added again): nothing of the old one.
    const other = entries.slice(0, 40).map((entry) => ({ ...entry }));
    const renamed = other.map((entry, index) =>
      index === 1 && entry.event.type === 'startList/set'
        ? {
            ...entry,
            event: {
              ...entry.event,
              skaters: entry.event.skaters.map((s) => ({ ...s, name: `Other ${s.bib}` })),
            },
          }
        : entry,
    );
    expect(states.state('race', renamed, 40)).toEqual(foldJournal(renamed).state);
    expect(renamed[1]!.event.type).toBe('startList/set');
    expect(() => states.state('race', renamed, 41)).toThrow(RangeError);
  });
});
