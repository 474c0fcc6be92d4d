import { describe, expect, it } from 'vitest';
import { boardLabels, statusLabel, type BoardLabels } from '../../../src/shared/board/labels.ts';

/** Every label of a language as text, the parameterised ones filled in. */
function texts(l: BoardLabels): string[] {
  const { columns: c } = l;
  return [
    ...[l.lapsToGo, l.lapToGo, l.sprint(2), l.finalSprint, l.lastLap, l.finish, l.laps(9)],
    ...[l.results, l.startList, l.official, l.unofficial],
    ...[l.status.DNF, l.status.DQ, l.status.DNS, l.status.LAPPED],
    ...[c.rank, c.bib, c.name, c.nation, c.sprint(1), c.final, c.total, c.detail],
  ];
}

describe('board labels', () => {
  it('give every label in every language', () => {
    for (const labels of Object.values(boardLabels)) {
      expect(texts(labels).every((text) => text.trim() !== '')).toBe(true);
    }
    expect(Object.keys(boardLabels).sort()).toEqual(['en', 'nl']);
  });

  it('speak Dutch', () => {
    const nl = boardLabels.nl;
    expect([nl.lapsToGo, nl.sprint(2), nl.finalSprint, nl.lastLap, nl.finish]).toEqual([
      'NOG TE GAAN',
      'SPRINT 2',
      'EINDSPRINT',
      'LAATSTE RONDE',
      'FINISH',
    ]);
    expect([nl.results, nl.startList, nl.official, nl.unofficial]).toEqual([
      'UITSLAG',
      'STARTLIJST',
      'OFFICIEEL',
      'NIET OFFICIEEL',
    ]);
    expect(nl.columns).toMatchObject({
      rank: 'POS',
      bib: 'NR',
      name: 'NAAM',
      nation: 'LAND',
      total: 'PNT',
    });
    expect([nl.columns.sprint(1), nl.columns.final]).toEqual(['SP1', 'FIN']);
    expect(nl.status).toEqual({ DNF: 'DNF', DQ: 'DQ', DNS: 'DNS', LAPPED: 'GEDUBBELD' });
  });

  it('speak English', () => {
    const en = boardLabels.en;
    expect([
      en.lapsToGo,
      en.sprint(3),
      en.finalSprint,
      en.lastLap,
      en.results,
      en.startList,
    ]).toEqual(['LAPS TO GO', 'SPRINT 3', 'FINAL SPRINT', 'LAST LAP', 'RESULTS', 'START LIST']);
    expect([en.official, en.unofficial, en.columns.rank, en.columns.bib, en.columns.total]).toEqual(
      ['OFFICIAL', 'UNOFFICIAL', 'RANK', 'BIB', 'PTS'],
    );
  });

  it('count laps in singular and plural', () => {
    expect([boardLabels.en.laps(9), boardLabels.en.laps(1)]).toEqual(['9 laps', '1 lap']);
    expect([boardLabels.nl.laps(9), boardLabels.nl.laps(1)]).toEqual(['9 ronden', '1 ronde']);
  });

  it('leave the status of a skater who is OK empty', () => {
    expect(statusLabel(boardLabels.nl, 'OK')).toBe('');
    expect(statusLabel(boardLabels.nl, 'LAPPED')).toBe('GEDUBBELD');
  });

  it('do not compile with a label or a language missing', () => {
    const { lastLap: _lastLap, ...withoutLastLap } = boardLabels.nl;
    // @ts-expect-error a language without one of its labels is a type error
    const incomplete: BoardLabels = withoutLastLap;
    // @ts-expect-error a display language without labels is a type error
    const missing: typeof boardLabels = { en: boardLabels.en };
    expect([incomplete, missing]).toHaveLength(2);
  });
});
