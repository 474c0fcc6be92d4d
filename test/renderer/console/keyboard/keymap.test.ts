import { describe, expect, it } from 'vitest';
import { labelKeys, labelsOf, translate } from '../../../../src/renderer/console/labels/i18n.ts';
import {
  actionFor,
  keyBindings,
  keyContext,
  keyRules,
  whereLabel,
  type KeyBinding,
  type KeyStroke,
} from '../../../../src/renderer/console/keyboard/keymap.ts';

const stroke = (key: string, extra: Partial<KeyStroke> = {}): KeyStroke => ({
  key,
  code: extra.code ?? '',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...extra,
});

/** Key strokes a binding answers to, found among common keys with and without modifiers. */
function samplesFor(binding: KeyBinding): KeyStroke[] {
  const keys = [' ', '+', '?', ...'sfdxloqtrpijmczah'.split(''), 'ArrowUp', 'ArrowDown'];
  const digits = Array.from({ length: 10 }, (_, d) => ({ key: String(d), code: `Digit${d}` }));
  const strokes: KeyStroke[] = [];
  for (const mods of [
    {},
    { shiftKey: true },
    { ctrlKey: true },
    { ctrlKey: true, shiftKey: true },
    { altKey: true },
  ]) {
    for (const key of keys) strokes.push(stroke(key, mods));
    for (const digit of digits) strokes.push(stroke(digit.key, { ...mods, code: digit.code }));
  }
  const found = strokes.filter((candidate) => binding.matches(candidate));
  expect(found.length, binding.action).toBeGreaterThan(0);
  return found;
}

describe('the key map', () => {
  it.each<[KeyStroke, string | null, string | null]>([
    [stroke(' '), 'lap', null],
    [stroke('+', { code: 'NumpadAdd' }), 'lap', 'lap'],
    [stroke('ArrowUp', { altKey: true }), 'lapsUp', 'lapsUp'],
    [stroke('ArrowDown', { altKey: true }), 'lapsDown', 'lapsDown'],
    [stroke('7'), 'digit', null],
    [stroke('s'), 'sprintMode', null],
    [stroke('f'), 'finishMode', null],
    [stroke('F', { shiftKey: true }), 'finishReplaceMode', null],
    [stroke('d'), 'dnfMode', null],
    [stroke('q'), 'advanceMode', null],
    [stroke('z', { ctrlKey: true }), 'undo', 'undo'],
    [stroke('Z', { ctrlKey: true, shiftKey: true }), 'redo', 'redo'],
    [stroke('y', { ctrlKey: true }), 'redo', 'redo'],
    [stroke('z', { metaKey: true }), 'undo', 'undo'],
    [stroke('C', { shiftKey: true }), 'confirm', null],
    [stroke('R', { shiftKey: true }), 'reopen', null],
    [stroke('r'), 'raceTab', null],
    [stroke('!', { shiftKey: true, code: 'Digit1' }), 'scene:startList', 'scene:startList'],
    [stroke('@', { shiftKey: true, code: 'Digit2' }), 'scene:live', 'scene:live'],
    [stroke(')', { shiftKey: true, code: 'Digit0' }), 'scene:blank', 'scene:blank'],
    [
      stroke('!', { shiftKey: true, ctrlKey: true, code: 'Digit1' }),
      'overlay:lapsToGo',
      'overlay:lapsToGo',
    ],
    // Issue 18: the "what they need" lower third.
    [
      stroke('%', { shiftKey: true, ctrlKey: true, code: 'Digit5' }),
      'overlay:needs',
      'overlay:needs',
    ],
    [stroke('?', { shiftKey: true }), 'help', null],
    // Issue 19, part 4: the Program tab's Add race and Activate.
    [stroke('a'), 'addRace', null],
    [stroke('A', { shiftKey: true }), 'activateRace', null],
    [stroke('a', { ctrlKey: true }), null, null],
    [stroke('Enter'), null, null],
    [stroke('Tab'), null, null],
  ])('%j: on the page %s, in the entry line %s', (key, onPage, inEntry) => {
    expect(actionFor(key, 'page')).toBe(onPage);
    expect(actionFor(key, 'entry')).toBe(inEntry);
  });

  it('in other text fields every key types', () => {
    for (const key of [' ', '+', 's', '7', '?', 'a'])
      expect(actionFor(stroke(key), 'field')).toBeNull();
    expect(actionFor(stroke('A', { shiftKey: true }), 'field')).toBeNull();
    expect(actionFor(stroke('z', { ctrlKey: true }), 'field')).toBeNull();
  });

  it('no key stroke means two things', () => {
    const samples = [
      ' ',
      '+',
      's',
      'f',
      'F',
      'd',
      'x',
      'l',
      'o',
      'q',
      't',
      'r',
      'R',
      'p',
      'i',
      'j',
      'C',
      '?',
      '5',
      'a',
      'A',
    ].map((key) => stroke(key, { shiftKey: key !== key.toLowerCase() || key === '?' }));
    for (const sample of samples)
      expect(keyBindings.filter((binding) => binding.matches(sample)).length).toBeLessThanOrEqual(
        1,
      );
  });

  it('knows where the focus is', () => {
    expect(keyContext(null)).toBe('page');
    expect(keyContext({ tagName: 'BUTTON' })).toBe('page');
    expect(keyContext({ tagName: 'OL', dataset: {} })).toBe('page');
    const entry = (value: string, extra: object = {}) => ({
      tagName: 'INPUT',
      type: 'text',
      dataset: { entry: '' },
      value,
      ...extra,
    });
    expect(keyContext(entry('4 8'))).toBe('entry');
    expect(keyContext(entry(''))).toBe('emptyEntry');
    expect(keyContext(entry('   '))).toBe('emptyEntry');
    expect(keyContext({ tagName: 'INPUT', type: 'text', dataset: {} })).toBe('field');
    expect(keyContext({ tagName: 'INPUT', type: 'file', dataset: {} })).toBe('field');
    expect(keyContext({ tagName: 'INPUT', type: 'checkbox', dataset: {} })).toBe('page');
    expect(keyContext({ tagName: 'TEXTAREA', dataset: {} })).toBe('field');
    expect(keyContext({ tagName: 'DIV', isContentEditable: true, dataset: {} })).toBe('field');
    expect(keyContext({ tagName: 'SELECT', dataset: {} })).toBe('choice');
  });

  it('placings a correction filled in are not text while they are still wholly selected', () => {
    const prefilled = (selectionStart: number, selectionEnd: number) =>
      keyContext({
        tagName: 'INPUT',
        type: 'text',
        dataset: { entry: '', prefilled: '' },
        value: '8 12 10',
        selectionStart,
        selectionEnd,
      });
    expect(prefilled(0, 7)).toBe('emptyEntry');
    // The caret moved into them: the operator is editing, so keys type.
    expect(prefilled(7, 7)).toBe('entry');
    expect(prefilled(2, 7)).toBe('entry');
  });

  it('an empty entry line is not text yet: every key works as on the page, digits type', () => {
    for (const binding of keyBindings) {
      if (binding.action === 'digit') continue;
      const sample = samplesFor(binding);
      for (const key of sample.filter((candidate) => actionFor(candidate, 'page') !== 'digit'))
        expect(actionFor(key, 'emptyEntry'), JSON.stringify(key)).toBe(actionFor(key, 'page'));
    }
    expect(actionFor(stroke('7'), 'emptyEntry')).toBeNull();
    expect(actionFor(stroke(' '), 'emptyEntry')).toBe('lap');
    for (const [key, action] of [
      ['s', 'sprintMode'],
      ['f', 'finishMode'],
      ['d', 'dnfMode'],
      ['x', 'dqMode'],
      ['l', 'lappedMode'],
      ['o', 'okMode'],
      ['q', 'advanceMode'],
      ['t', 'timeMode'],
    ] as const)
      expect(actionFor(stroke(key), 'emptyEntry')).toBe(action);
    expect(actionFor(stroke('F', { shiftKey: true }), 'emptyEntry')).toBe('finishReplaceMode');
    // Caps lock on: the letter still picks the mode.
    expect(actionFor(stroke('S'), 'emptyEntry')).toBe('sprintMode');
  });

  it('with text in the entry line Space and letters type; + and the Ctrl keys still act', () => {
    for (const key of [' ', 's', 'f', 'd', '7', '?', 'r'])
      expect(actionFor(stroke(key), 'entry')).toBeNull();
    expect(actionFor(stroke('+'), 'entry')).toBe('lap');
    expect(actionFor(stroke('z', { ctrlKey: true }), 'entry')).toBe('undo');
  });

  it('a drop-down list keeps its keys, except the lap keys', () => {
    expect(actionFor(stroke(' '), 'choice')).toBe('lap');
    expect(actionFor(stroke('+'), 'choice')).toBe('lap');
    for (const key of ['s', 'f', '7', 'r', 'ArrowDown'])
      expect(actionFor(stroke(key), 'choice')).toBeNull();
    expect(actionFor(stroke('z', { ctrlKey: true }), 'choice')).toBeNull();
  });

  it('the sheet says where each key works', () => {
    const lap = keyBindings.filter((binding) => binding.action === 'lap');
    expect(lap.map((binding) => binding.keys)).toEqual([['Space'], ['+', 'Num +']]);
    expect(lap.map(whereLabel)).toEqual(['key.where.notTyping', 'key.where.always']);
    expect(keyRules.map((rule) => rule.label)).toContain('key.rule.space');
    expect(keyRules.map((rule) => rule.label)).toContain('key.rule.notSent');
  });
});

describe('labels in English and Dutch', () => {
  it('Dutch has every label, with the same parameters', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of labelKeys) {
      expect(labelsOf('nl')[key], key).toBeTruthy();
      expect(params(labelsOf('nl')[key]), key).toEqual(params(labelsOf('en')[key]));
    }
  });

  it('every key on the sheet has a label in both languages', () => {
    for (const binding of keyBindings) {
      expect(translate('en', binding.label, binding.params)).toMatch(/\w/);
      expect(translate('nl', binding.label, binding.params)).toMatch(/\w/);
    }
  });

  it('fills in parameters', () => {
    expect(translate('en', 'mode.sprint', { sprint: 2 })).toBe('Sprint 2');
    expect(translate('nl', 'problem.unknownBib', { bib: 44 })).toBe(
      'helmnummer 44 staat niet op de startlijst',
    );
  });
});
