import { XMLBuilder } from 'fast-xml-parser';
import { csvText, type CsvCell } from '../export/csv.ts';
import {
  feedCsvColumnsAdded,
  feedRaceFieldsAdded,
  feedSkaterFieldsAdded,
  type Feed,
  type FeedGroup,
  type FeedRace,
  type FeedValue,
} from './schema.ts';

/** The three texts of a feed, by the file extension of its URL. */
export type FeedFormat = 'json' | 'xml' | 'csv';

/** Content-Type of each format; always UTF-8. */
export const feedContentTypes: Readonly<Record<FeedFormat, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** The race-level scalars of a feed (not standings, not groups), in their published order. */
export function feedRace(feed: Feed): FeedRace {
  const { standings: _standings, groups: _groups, ...race } = feed;
  return race;
}

/** The feed as JSON: the race-level fields, `standings` (one object per rank), then `groups`. */
export function feedJson(feed: Feed): string {
  return JSON.stringify(feed);
}

// XML 1.0 cannot carry these at all, escaped or not: dropped rather than making the document invalid.
// eslint-disable-next-line no-control-regex
const notXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

const xmlText = (value: FeedValue): string =>
  value === null ? '' : String(value).replace(notXmlChars, '');

const xmlFields = (fields: Readonly<Record<string, FeedValue>>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, xmlText(value)]));

/** A group as XML: its helmets one <helmet> each, as <standings> holds one <skater> each. */
const xmlGroup = ({ helmets, ...gap }: FeedGroup) => ({
  helmets: { helmet: helmets.map(xmlText) },
  ...xmlFields(gap),
});

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

/**
 * The feed as XML that mirrors the JSON: one element per field under <feed>, <standings> with
 * one <skater> per rank (XPath /feed/lapsToGo, /feed/standings/skater[1]/name), then <groups>
 * with one <group> each (/feed/groups/group[2]/behindLeaderSeconds, .../helmets/helmet[1]).
 * Null is an empty element; text is escaped by fast-xml-parser's builder.
 */
export function feedXml(feed: Feed): string {
  const body = builder.build({
    feed: {
      ...xmlFields(feedRace(feed)),
      standings: { skater: feed.standings.map(xmlFields) },
      groups: { group: feed.groups.map(xmlGroup) },
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

const added: ReadonlySet<string> = new Set([...feedSkaterFieldsAdded, ...feedRaceFieldsAdded]);

/**
 * The CSV columns of a feed: the first published standings fields (sp4 ... included), the
 * first race-level fields, then the fields added since in the order they were added
 * (feedCsvColumnsAdded). Table readers (vMix, XPression) may bind a column by its position: a
 * new field only ever adds a column at the end. `groups` has no column: a list of groups is a
 * table of its own, which one row per rank cannot hold without a text to take apart; each row's
 * own gap (behindLeaderSeconds) is there, the groups are in the JSON and XML.
 */
export function feedCsvColumns(feed: Feed): string[] {
  const skater = Object.keys(feed.standings[0] ?? {}).filter((key) => !added.has(key));
  return [
    ...(skater.length > 0 ? skater : emptyRaceColumns),
    ...Object.keys(feedRace(feed)).filter((key) => !added.has(key)),
    ...feedCsvColumnsAdded,
  ];
}

/** The standings columns of a race without skaters (there is no row to read them from). */
const emptyRaceColumns = [
  ...['rank', 'rankText', 'helmet', 'name', 'firstName', 'lastName', 'nation'],
  ...['sp1', 'sp2', 'sp3', 'final', 'total', 'time', 'timeMs', 'status', 'laps', 'qualified'],
];

const csvCell = (value: FeedValue | undefined): CsvCell =>
  value === null || value === undefined ? '' : typeof value === 'boolean' ? String(value) : value;

/**
 * The feed as CSV for data sources that read a table by rows (vMix, XPression DataLinq): a
 * header row, then one row per rank with the race-level fields repeated on every row, so any
 * row (row 1 for a lap counter) carries laps to go and the sprint. Written by the results
 * CSV's writer (csvText: UTF-8 with a byte order mark, CRLF, RFC 4180 quoting, a ' before a
 * text cell that starts like a formula); null is an empty cell. A race without skaters is the
 * header row alone.
 */
export function feedCsv(feed: Feed): string {
  const columns = feedCsvColumns(feed);
  const race = feedRace(feed) as Readonly<Record<string, FeedValue>>;
  const data = feed.standings.map((skater) => {
    const cells: Readonly<Record<string, FeedValue>> = { ...race, ...skater };
    return columns.map((column) => csvCell(cells[column]));
  });
  return csvText(columns, data);
}
