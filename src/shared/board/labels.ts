import type { SkaterStatus } from '../race/events.ts';
import { z } from 'zod';

/**
 * Every word the venue board and the overlay draw, as one table per language (issue 18): a key,
 * and a template where `{n}`-style fields are filled in. A meeting may override any label
 * (display settings, `labels`): Milano, Inzell and Hamar each want their own words.
 */
export const boardLabelKeys = [
  'lapsToGo',
  'lapToGo',
  'sprint',
  'sprintWorth',
  'finalSprint',
  'finalSprintWorth',
  'lastLap',
  'finish',
  'results',
  'startList',
  'official',
  'unofficial',
  'lap',
  'laps',
  'status.DNF',
  'status.DQ',
  'status.DNS',
  'status.LAPPED',
  'column.rank',
  'column.bib',
  'column.name',
  'column.nation',
  'column.sprint',
  'column.final',
  'column.total',
  'column.detail',
  'qualification',
  'qualificationOpen',
  'qualified',
  'needsTop',
  'needsWin',
  'standings',
  'standingsAfterSprint',
  'qualifiedForFinal',
  'whatTheyNeed',
  'page',
  'needsHelp',
  'clinched',
  'eliminated',
  // Issue 21, from the loop's passings: the breakaway strip, lower third and gap bug; the gap column.
  'breakaway',
  'column.gap',
] as const;

/** One label of the board. */
export type BoardLabelKey = (typeof boardLabelKeys)[number];

/** A language's words: every key (a gap is a type error). */
export type BoardLabelTable = Readonly<Record<BoardLabelKey, string>>;

/** The board's languages. */
export const boardLanguageSchema = z.enum(['en', 'nl', 'de', 'it']);
export type BoardLanguage = z.output<typeof boardLanguageSchema>;

/** A meeting's own words for some labels; keys checked, templates short. */
export const labelOverridesSchema = z
  .partialRecord(z.enum(boardLabelKeys), z.string().trim().max(80))
  .default({});
export type LabelOverrides = Partial<Record<BoardLabelKey, string>>;

const english: BoardLabelTable = {
  lapsToGo: 'LAPS TO GO',
  lapToGo: 'LAP TO GO',
  sprint: 'SPRINT {n}',
  sprintWorth: 'SPRINT {n} · {points}',
  finalSprint: 'FINAL SPRINT',
  finalSprintWorth: 'FINAL SPRINT · {points}',
  lastLap: 'LAST LAP',
  finish: 'FINISH',
  results: 'RESULTS',
  startList: 'START LIST',
  official: 'OFFICIAL',
  unofficial: 'UNOFFICIAL',
  lap: '{n} lap',
  laps: '{n} laps',
  'status.DNF': 'DNF',
  'status.DQ': 'DQ',
  'status.DNS': 'DNS',
  'status.LAPPED': 'LAPPED',
  'column.rank': 'RANK',
  'column.bib': 'BIB',
  'column.name': 'NAME',
  'column.nation': 'NAT',
  'column.sprint': 'SP{n}',
  'column.final': 'FIN',
  'column.total': 'PTS',
  'column.detail': 'TIME',
  qualification: 'QUALIFICATION · TOP {places}',
  qualificationOpen: '{ranked} IN THE POINTS · {open} DECIDED AT THE FINISH',
  qualified: 'Q',
  needsTop: 'NEEDS TOP {place}',
  needsWin: 'NEEDS TO WIN',
  standings: 'STANDINGS',
  standingsAfterSprint: 'STANDINGS AFTER SPRINT {n}',
  qualifiedForFinal: 'QUALIFIED FOR THE FINAL',
  whatTheyNeed: 'WHAT THEY NEED',
  page: '{page}/{pages}',
  needsHelp: 'NEEDS HELP',
  clinched: 'QUALIFIED',
  eliminated: 'ELIMINATED',
  breakaway: 'BREAKAWAY',
  'column.gap': 'GAP',
};

const dutch: BoardLabelTable = {
  lapsToGo: 'NOG TE GAAN',
  lapToGo: 'NOG TE GAAN',
  sprint: 'SPRINT {n}',
  sprintWorth: 'SPRINT {n} · {points}',
  finalSprint: 'EINDSPRINT',
  finalSprintWorth: 'EINDSPRINT · {points}',
  lastLap: 'LAATSTE RONDE',
  finish: 'FINISH',
  results: 'UITSLAG',
  startList: 'STARTLIJST',
  official: 'OFFICIEEL',
  unofficial: 'NIET OFFICIEEL',
  lap: '{n} ronde',
  laps: '{n} ronden',
  'status.DNF': 'DNF',
  'status.DQ': 'DQ',
  'status.DNS': 'DNS',
  'status.LAPPED': 'GEDUBBELD',
  'column.rank': 'POS',
  'column.bib': 'NR',
  'column.name': 'NAAM',
  'column.nation': 'LAND',
  'column.sprint': 'SP{n}',
  'column.final': 'FIN',
  'column.total': 'PNT',
  'column.detail': 'TIJD',
  qualification: 'KWALIFICATIE · TOP {places}',
  qualificationOpen: '{ranked} MET PUNTEN · {open} BESLIST IN DE FINISH',
  qualified: 'Q',
  needsTop: 'MOET TOP {place}',
  needsWin: 'MOET WINNEN',
  standings: 'STAND',
  standingsAfterSprint: 'STAND NA SPRINT {n}',
  qualifiedForFinal: 'GEKWALIFICEERD VOOR DE FINALE',
  whatTheyNeed: 'WAT ZE NODIG HEBBEN',
  page: '{page}/{pages}',
  needsHelp: 'HEEFT HULP NODIG',
  clinched: 'GEKWALIFICEERD',
  eliminated: 'UITGESCHAKELD',
  breakaway: 'ONTSNAPPING',
  'column.gap': 'VERSCHIL',
};

const german: BoardLabelTable = {
  lapsToGo: 'RUNDEN ZU LAUFEN',
  lapToGo: 'RUNDE ZU LAUFEN',
  sprint: 'SPRINT {n}',
  sprintWorth: 'SPRINT {n} · {points}',
  finalSprint: 'SCHLUSSSPRINT',
  finalSprintWorth: 'SCHLUSSSPRINT · {points}',
  lastLap: 'LETZTE RUNDE',
  finish: 'ZIEL',
  results: 'ERGEBNIS',
  startList: 'STARTLISTE',
  official: 'OFFIZIELL',
  unofficial: 'INOFFIZIELL',
  lap: '{n} Runde',
  laps: '{n} Runden',
  'status.DNF': 'DNF',
  'status.DQ': 'DQ',
  'status.DNS': 'DNS',
  'status.LAPPED': 'ÜBERRUNDET',
  'column.rank': 'RANG',
  'column.bib': 'NR',
  'column.name': 'NAME',
  'column.nation': 'NAT',
  'column.sprint': 'SP{n}',
  'column.final': 'ZIEL',
  'column.total': 'PKT',
  'column.detail': 'ZEIT',
  qualification: 'QUALIFIKATION · TOP {places}',
  qualificationOpen: '{ranked} MIT PUNKTEN · {open} IM ZIEL ENTSCHIEDEN',
  qualified: 'Q',
  needsTop: 'BRAUCHT TOP {place}',
  needsWin: 'MUSS GEWINNEN',
  standings: 'WERTUNG',
  standingsAfterSprint: 'WERTUNG NACH SPRINT {n}',
  qualifiedForFinal: 'FÜR DAS FINALE QUALIFIZIERT',
  whatTheyNeed: 'WAS SIE BRAUCHEN',
  page: '{page}/{pages}',
  needsHelp: 'BRAUCHT HILFE',
  clinched: 'QUALIFIZIERT',
  eliminated: 'AUSGESCHIEDEN',
  breakaway: 'AUSREISSER',
  'column.gap': 'ABSTAND',
};

const italian: BoardLabelTable = {
  lapsToGo: 'GIRI ALLA FINE',
  lapToGo: 'GIRO ALLA FINE',
  sprint: 'SPRINT {n}',
  sprintWorth: 'SPRINT {n} · {points}',
  finalSprint: 'SPRINT FINALE',
  finalSprintWorth: 'SPRINT FINALE · {points}',
  lastLap: 'ULTIMO GIRO',
  finish: 'ARRIVO',
  results: 'RISULTATI',
  startList: 'ORDINE DI PARTENZA',
  official: 'UFFICIALE',
  unofficial: 'NON UFFICIALE',
  lap: '{n} giro',
  laps: '{n} giri',
  'status.DNF': 'DNF',
  'status.DQ': 'DQ',
  'status.DNS': 'DNS',
  'status.LAPPED': 'DOPPIATO',
  'column.rank': 'POS',
  'column.bib': 'N.',
  'column.name': 'NOME',
  'column.nation': 'NAZ',
  'column.sprint': 'SP{n}',
  'column.final': 'FIN',
  'column.total': 'PT',
  'column.detail': 'TEMPO',
  qualification: 'QUALIFICAZIONE · PRIMI {places}',
  qualificationOpen: '{ranked} A PUNTI · {open} DECISI ALL’ARRIVO',
  qualified: 'Q',
  needsTop: 'DEVE ESSERE TRA I PRIMI {place}',
  needsWin: 'DEVE VINCERE',
  standings: 'CLASSIFICA',
  standingsAfterSprint: 'CLASSIFICA DOPO LO SPRINT {n}',
  qualifiedForFinal: 'QUALIFICATI PER LA FINALE',
  whatTheyNeed: 'COSA SERVE',
  page: '{page}/{pages}',
  needsHelp: 'SERVE AIUTO',
  clinched: 'QUALIFICATO',
  eliminated: 'ELIMINATO',
  breakaway: 'FUGA',
  'column.gap': 'DISTACCO',
};

/** The board's words in every display language (display settings, `language`). */
export const boardLabelTables: Readonly<Record<BoardLanguage, BoardLabelTable>> = {
  en: english,
  nl: dutch,
  de: german,
  it: italian,
};

/** Fills `{field}` in a template; a field not given stays as written. */
export function fill(template: string, fields: Readonly<Record<string, string | number>> = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in fields ? String(fields[name]) : whole,
  );
}

/** The words of one board: a language's table with the meeting's overrides on top. */
export interface BoardLabels {
  /** A label with its fields filled in. */
  readonly text: (key: BoardLabelKey, fields?: Readonly<Record<string, string | number>>) => string;
  /** The status word of a skater; "" for a skater who is OK. */
  readonly status: (status: SkaterStatus) => string;
  /** Laps completed by a non-finisher: "9 laps", "1 lap". */
  readonly laps: (n: number) => string;
}

/** The labels of a board in `language` with the meeting's `overrides`. */
export function boardLabels(language: BoardLanguage, overrides: LabelOverrides = {}): BoardLabels {
  const table = boardLabelTables[language];
  const template = (key: BoardLabelKey) => overrides[key] || table[key];
  const text: BoardLabels['text'] = (key, fields) => fill(template(key), fields);
  return {
    text,
    status: (status) => (status === 'OK' ? '' : text(`status.${status}`)),
    laps: (n) => text(n === 1 ? 'lap' : 'laps', { n }),
  };
}
