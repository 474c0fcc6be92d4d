import { describe, expect, it } from 'vitest';
import {
  boardLabelKeys,
  boardLabels,
  boardLabelTables,
  fill,
  labelOverridesSchema,
  type BoardLabelTable,
} from '../../../src/shared/board/labels.ts';
import { displaySettingsSchema } from '../../../src/shared/protocol/program.ts';

describe('board labels (issue 18: a table per language, overrides per meeting)', () => {
  it('give every label in every language, and only the fields each template names', () => {
    expect(Object.keys(boardLabelTables).sort()).toEqual(['de', 'en', 'it', 'nl']);
    const fieldsOf = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [language, table] of Object.entries(boardLabelTables)) {
      expect(Object.keys(table).sort(), language).toEqual([...boardLabelKeys].sort());
      for (const key of boardLabelKeys) {
        expect(table[key].trim(), `${language} ${key}`).not.toBe('');
        // A translation fills the same fields as the English one (no field lost or invented).
        expect(fieldsOf(table[key]).sort(), `${language} ${key}`).toEqual(
          fieldsOf(boardLabelTables.en[key]).sort(),
        );
      }
    }
  });

  it('speak English, Dutch, German and Italian', () => {
    const say = (language: 'en' | 'nl' | 'de' | 'it') => {
      const l = boardLabels(language);
      return [
        l.text('lapsToGo'),
        l.text('sprintWorth', { n: 1, points: '3-2-1' }),
        l.text('lastLap'),
        l.text('qualification', { places: 8 }),
        l.text('needsTop', { place: 5 }),
        l.status('LAPPED'),
      ];
    };
    expect(say('en')).toEqual([
      'LAPS TO GO',
      'SPRINT 1 · 3-2-1',
      'LAST LAP',
      'QUALIFICATION · TOP 8',
      'NEEDS TOP 5',
      'LAPPED',
    ]);
    expect(say('nl')).toEqual([
      'NOG TE GAAN',
      'SPRINT 1 · 3-2-1',
      'LAATSTE RONDE',
      'KWALIFICATIE · TOP 8',
      'MOET TOP 5',
      'GEDUBBELD',
    ]);
    expect(say('de')).toEqual([
      'RUNDEN ZU LAUFEN',
      'SPRINT 1 · 3-2-1',
      'LETZTE RUNDE',
      'QUALIFIKATION · TOP 8',
      'BRAUCHT TOP 5',
      'ÜBERRUNDET',
    ]);
    expect(say('it')).toEqual([
      'GIRI ALLA FINE',
      'SPRINT 1 · 3-2-1',
      'ULTIMO GIRO',
      'QUALIFICAZIONE · PRIMI 8',
      'DEVE ESSERE TRA I PRIMI 5',
      'DOPPIATO',
    ]);
  });

  it('count laps in singular and plural, and leave the status of a skater who is OK empty', () => {
    expect([boardLabels('en').laps(9), boardLabels('en').laps(1)]).toEqual(['9 laps', '1 lap']);
    expect([boardLabels('nl').laps(9), boardLabels('nl').laps(1)]).toEqual(['9 ronden', '1 ronde']);
    expect(boardLabels('de').status('OK')).toBe('');
  });

  it("take a meeting's own words over the language's, fields filled the same way", () => {
    const milano = boardLabels('it', { lapsToGo: 'GIRI', needsTop: 'SERVE TOP {place}' });
    expect(milano.text('lapsToGo')).toBe('GIRI');
    expect(milano.text('needsTop', { place: 4 })).toBe('SERVE TOP 4');
    expect(milano.text('lastLap')).toBe('ULTIMO GIRO');
    // An empty override is no override.
    expect(boardLabels('en', { finish: '' }).text('finish')).toBe('FINISH');
  });

  it('refuse overrides of labels that do not exist, in the display settings', () => {
    expect(labelOverridesSchema.safeParse({ lapsToGo: 'X' }).success).toBe(true);
    const bad = displaySettingsSchema.safeParse({ labels: { lapsToGoo: 'X' } });
    expect(bad.success).toBe(false);
    expect(displaySettingsSchema.parse({}).labels).toEqual({});
    expect(displaySettingsSchema.parse({}).boardLayout).toBe('far');
  });

  it('fill fields, leaving a field that is not given as written', () => {
    expect(fill('{n} OF {m}', { n: 3 })).toBe('3 OF {m}');
  });

  it('do not compile with a label missing', () => {
    const { lastLap: _lastLap, ...withoutLastLap } = boardLabelTables.nl;
    // @ts-expect-error a language without one of its labels is a type error
    const incomplete: BoardLabelTable = withoutLastLap;
    expect(incomplete).toBeDefined();
  });
});
