import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { raceFeed } from '../../../src/shared/feed/feed.ts';
import { feedSchema, type FeedSkater } from '../../../src/shared/feed/schema.ts';
import { feedCsv, feedXml } from '../../../src/shared/feed/text.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { replayCommands } from '../../../src/shared/race/replay.ts';
import { raceView } from '../../../src/shared/race/view.ts';
import type { MeetingFacts } from '../../../src/shared/results/meeting-facts.ts';
import { parseStartList } from '../../../src/shared/startlist/parse.ts';

// The feed's name fields (issue 19, part 2): given and family name and the order as the start
// list gives them, the printed and short forms; firstName / lastName keep their published meaning.

const meeting: MeetingFacts = {
  name: 'World Cup, Heerenveen',
  venue: 'Heerenveen',
  date: '2026-02-21',
  timeZone: 'Europe/Amsterdam',
};

/** The feed of a race whose start list is the given CSV, read by the real import. */
function feedOf(csv: string) {
  const result = parseStartList(csv);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  const history = replayCommands([
    {
      type: 'race/configured',
      title: 'Men · Final',
      round: 'final',
      qualifiers: 0,
      format: isu2018,
    },
    { type: 'startList/set', skaters: result.skaters },
  ]);
  return raceFeed(raceView('men-final', history.entries.length, history.state), meeting);
}

const nameKeys = [
  'name',
  'firstName',
  'lastName',
  'givenName',
  'familyName',
  'nameOrder',
  'printName',
  'shortName',
] as const;
const namesOf = (row: Partial<Record<string, unknown>>) =>
  Object.fromEntries(nameKeys.map((key) => [key, row[key]]));

const csv = 'bib,name,nation\n7,CHUNG Jae-won,KOR\n8,HALD THORUP Viktor,DEN\n9,Yang Binyu,CHN\n';

describe("the feed's name fields", () => {
  it('carry the parts, the order and the printed and short forms; a plain name is not split', () => {
    const feed = feedOf(csv);
    expect(feedSchema.strict().parse(feed)).toEqual(feed);
    const byHelmet = (helmet: number) => feed.standings.find((row) => row.helmet === helmet)!;
    expect(namesOf(byHelmet(7))).toEqual({
      name: 'Chung Jae-won',
      firstName: 'Jae-won',
      lastName: 'Chung',
      givenName: 'Jae-won',
      familyName: 'Chung',
      nameOrder: 'family-first',
      printName: 'CHUNG Jae-won',
      shortName: 'CHUNG J.',
    });
    expect(namesOf(byHelmet(8))).toEqual({
      name: 'Viktor Hald Thorup',
      firstName: 'Viktor',
      lastName: 'Hald Thorup',
      givenName: 'Viktor',
      familyName: 'Hald Thorup',
      nameOrder: 'given-first',
      printName: 'HALD THORUP Viktor',
      shortName: 'V. HALD THORUP',
    });
    // firstName / lastName keep their published fallback (the last word); the new fields guess nothing.
    expect(namesOf(byHelmet(9))).toEqual({
      name: 'Yang Binyu',
      firstName: 'Yang',
      lastName: 'Binyu',
      givenName: '',
      familyName: '',
      nameOrder: null,
      printName: 'Yang Binyu',
      shortName: 'Yang Binyu',
    });
  });

  it('come after the outlook in every row (only the loop’s fields of issue 21 after them), and in CSV after the published columns and the outlook', () => {
    const feed = feedOf(csv);
    const last = (row: FeedSkater) => Object.keys(row).slice(-7);
    expect(feed.standings.map(last)).toEqual(
      feed.standings.map(() => [
        ...['givenName', 'familyName', 'nameOrder', 'printName', 'shortName'],
        ...['behindLeaderSeconds', 'lastLapMs'],
      ]),
    );
    const xml = new XMLParser({ parseTagValue: false }).parse(feedXml(feed)) as {
      feed: { standings: { skater: Record<string, string>[] } };
    };
    const text = feedCsv(feed);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    const fields = rows.meta.fields ?? [];
    const qualification = fields.indexOf('qualification');
    expect(fields.indexOf('lastSprint3Points')).toBeLessThan(qualification);
    expect(fields.slice(qualification, qualification + 7)).toEqual([
      'qualification',
      'safeFinish',
      'givenName',
      'familyName',
      'nameOrder',
      'printName',
      'shortName',
    ]);
    for (const rowsOfText of [xml.feed.standings.skater, rows.data]) {
      expect(rowsOfText.map((row) => [row.printName, row.shortName, row.nameOrder])).toEqual([
        ['CHUNG Jae-won', 'CHUNG J.', 'family-first'],
        ['HALD THORUP Viktor', 'V. HALD THORUP', 'given-first'],
        ['Yang Binyu', 'Yang Binyu', ''],
      ]);
    }
  });
});
