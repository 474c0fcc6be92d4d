import { describe, expect, it } from 'vitest';
import { cleanName, controlCharactersIn } from '../../src/shared/text.ts';

describe('cleanName: names enter the race without control characters (issue 17)', () => {
  it.each([
    ['a right-to-left override and its pop', 'Jorrit \u202EamsgreB\u202C', 'Jorrit amsgreB'],
    [
      'every bidi control',
      '\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u061CBart',
      'Bart',
    ],
    ['NUL, escape and DEL', 'Sven\u0000 \u001B[31mKramer\u007F', 'Sven [31mKramer'],
    ['C1 controls', 'Ire\u0085ne\u009B', 'Ire ne'], // U+0085 (next line) is a line break
    ['a tab or line break between the names', 'Bart\tSwings\r\nBEL', 'Bart Swings BEL'],
    ['runs of spaces', '  Livio   Wenger ', 'Livio Wenger'],
  ])('takes out %s', (_what, raw, clean) => {
    expect(cleanName(raw)).toBe(clean);
  });

  it.each([
    ['diacritics', 'Metoděj Jílek'],
    ['Dutch infixes', 'Gert-Jan van der Meer'],
    ['a right-to-left script', 'محمد علي'],
    ['an emoji sequence (zero-width joiner kept)', 'Ada 👩‍👧'],
    ['CJK', '李文龙'],
  ])('keeps %s exactly', (_what, name) => {
    expect(cleanName(name)).toBe(name);
  });

  it('lists what it takes out, as code points in order', () => {
    expect(controlCharactersIn('A\u202EB\u202C\tC\u0000')).toEqual([
      'U+202E',
      'U+202C',
      'U+0009',
      'U+0000',
    ]);
    expect(controlCharactersIn('Jílek 李 👩‍👧')).toEqual([]);
  });
});
