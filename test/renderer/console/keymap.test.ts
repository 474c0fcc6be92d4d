import { describe, expect, it } from 'vitest';
import { labelKeys, labelsOf, translate } from '../../../src/renderer/console/i18n.ts';
import {
  actionFor,
  keyBindings,
  keyContext,
  type KeyStroke,
} from '../../../src/renderer/console/keymap.ts';

const stroke = (key: string, extra: Partial<KeyStroke> = {}): KeyStroke => ({
  key,
  code: extra.code ?? '',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...extra,
});

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
    [stroke('?', { shiftKey: true }), 'help', null],
    [stroke('Enter'), null, null],
    [stroke('Tab'), null, null],
  ])('%j: on the page %s, in the entry line %s', (key, onPage, inEntry) => {
    expect(actionFor(key, 'page')).toBe(onPage);
    expect(actionFor(key, 'entry')).toBe(inEntry);
  });

  it('in other text fields every key types', () => {
    for (const key of [' ', '+', 's', '7', '?']) expect(actionFor(stroke(key), 'field')).toBeNull();
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
    ].map((key) => stroke(key, { shiftKey: key !== key.toLowerCase() || key === '?' }));
    for (const sample of samples)
      expect(keyBindings.filter((binding) => binding.matches(sample)).length).toBeLessThanOrEqual(
        1,
      );
  });

  it('knows where the focus is', () => {
    expect(keyContext(null)).toBe('page');
    expect(keyContext({ tagName: 'BUTTON' })).toBe('page');
    expect(keyContext({ tagName: 'INPUT', type: 'text', dataset: { entry: '' } })).toBe('entry');
    expect(keyContext({ tagName: 'INPUT', type: 'text', dataset: {} })).toBe('field');
    expect(keyContext({ tagName: 'INPUT', type: 'file', dataset: {} })).toBe('field');
    expect(keyContext({ tagName: 'TEXTAREA', dataset: {} })).toBe('field');
    expect(keyContext({ tagName: 'SELECT', dataset: {} })).toBe('field');
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
