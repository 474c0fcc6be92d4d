/**
 * Every console key in one table: what it does, where it works, and how the shortcut sheet
 * writes it. The console and the sheet both read this table, so they cannot disagree.
 */
import type { BoardScene, OverlayElement } from '../../../shared/protocol/program.ts';
import type { LabelKey, LabelParams } from '../labels/i18n.ts';

/** What a key does. */
export type KeyAction =
  | 'lap'
  | 'lapsUp'
  | 'lapsDown'
  | 'sprintMode'
  | 'finishMode'
  | 'finishReplaceMode'
  | 'dnfMode'
  | 'dqMode'
  | 'lappedMode'
  | 'okMode'
  | 'advanceMode'
  | 'timeMode'
  | 'digit'
  | 'undo'
  | 'redo'
  | 'confirm'
  | 'reopen'
  | `scene:${BoardScene}`
  | `overlay:${OverlayElement}`
  | 'help'
  | 'raceTab'
  | 'programTab'
  | 'startListTab'
  | 'timingTab'
  | 'journal'
  | 'addRace'
  | 'activateRace'
  | 'hostsTab'
  | 'takeOver';

/**
 * Where the focus is (issue 9: the keyboard can never swallow a lap):
 * - `page`: the page, a button, a tab, the journal list, a check box: every key works.
 * - `emptyEntry`: the entry line with nothing typed (or only the placings a correction filled
 *   in, still selected): not text yet, so every key works as on the page; digits start the text.
 * - `entry`: the entry line with typed text: keys type, except those marked `inEntry` (`+`).
 * - `choice`: a drop-down list: it keeps its own keys, but the lap keys still count a lap.
 * - `field`: a real text field (names, the import text, the add-race form): every key types.
 */
export type KeyContext = 'page' | 'emptyEntry' | 'entry' | 'choice' | 'field';

/** The parts of a KeyboardEvent the map reads. */
export interface KeyStroke {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** One row of the key table. */
export interface KeyBinding {
  readonly action: KeyAction;
  /** As the sheet prints them, e.g. ["Space", "+"]. */
  readonly keys: readonly string[];
  readonly group: 'race' | 'entry' | 'outputs' | 'program' | 'general';
  readonly label: LabelKey;
  readonly params?: LabelParams;
  /** Also while typing in the entry line (text in it). */
  readonly inEntry: boolean;
  readonly matches: (stroke: KeyStroke) => boolean;
}

const ctrl = (s: KeyStroke) => s.ctrlKey || s.metaKey;
const plain = (s: KeyStroke) => !ctrl(s) && !s.altKey;
const lower = (s: KeyStroke) => s.key.toLowerCase();
const letter =
  (c: string, shift = false) =>
  (s: KeyStroke) =>
    plain(s) && s.shiftKey === shift && s.key.toLowerCase() === c;
const shiftDigit = (d: number) => (s: KeyStroke) =>
  s.shiftKey && !ctrl(s) && !s.altKey && s.code === `Digit${d}`;
const ctrlShiftDigit = (d: number) => (s: KeyStroke) =>
  s.shiftKey && ctrl(s) && !s.altKey && s.code === `Digit${d}`;

const scenes: readonly [BoardScene, number][] = [
  ['startList', 1],
  ['live', 2],
  ['sprint', 3],
  ['results', 4],
  ['blank', 0],
];
const overlays: readonly [OverlayElement, number][] = [
  ['lapsToGo', 1],
  ['standings', 2],
  ['sprint', 3],
  ['result', 4],
  ['needs', 5],
];

/** Works on the page only, or also while typing in the entry line. */
const pageOnly = false;
const alsoInEntry = true;

/** A row of the table; the sheet's label is `key.<action>` unless given. */
function bind(
  action: Exclude<KeyAction, `scene:${string}` | `overlay:${string}`>,
  keys: readonly string[],
  group: KeyBinding['group'],
  inEntry: boolean,
  matches: (stroke: KeyStroke) => boolean,
  label: LabelKey = `key.${action}`,
): KeyBinding {
  return { action, keys, group, label, inEntry, matches };
}

/** The key table, in the order the shortcut sheet lists it. */
export const keyBindings: readonly KeyBinding[] = [
  // Space is text only where text is being typed; `+` is a lap even there.
  bind('lap', ['Space'], 'race', pageOnly, (s) => plain(s) && s.key === ' '),
  bind(
    'lap',
    ['+', 'Num +'],
    'race',
    alsoInEntry,
    (s) => !ctrl(s) && !s.altKey && (s.key === '+' || s.code === 'NumpadAdd'),
    'key.lapPlus',
  ),
  bind(
    'lapsUp',
    ['Alt+↑'],
    'race',
    alsoInEntry,
    (s) => s.altKey && !ctrl(s) && s.key === 'ArrowUp',
  ),
  bind(
    'lapsDown',
    ['Alt+↓'],
    'race',
    alsoInEntry,
    (s) => s.altKey && !ctrl(s) && s.key === 'ArrowDown',
  ),
  bind('digit', ['0–9'], 'race', pageOnly, (s) => plain(s) && /^[0-9]$/.test(s.key)),
  bind('sprintMode', ['S'], 'race', pageOnly, letter('s')),
  bind('finishMode', ['F'], 'race', pageOnly, letter('f')),
  bind('finishReplaceMode', ['Shift+F'], 'race', pageOnly, letter('f', true)),
  bind('dnfMode', ['D'], 'race', pageOnly, letter('d')),
  bind('dqMode', ['X'], 'race', pageOnly, letter('x')),
  bind('lappedMode', ['L'], 'race', pageOnly, letter('l')),
  bind('okMode', ['O'], 'race', pageOnly, letter('o')),
  bind('advanceMode', ['Q'], 'race', pageOnly, letter('q')),
  bind('timeMode', ['T'], 'race', pageOnly, letter('t')),
  bind(
    'undo',
    ['Ctrl+Z'],
    'race',
    alsoInEntry,
    (s) => ctrl(s) && !s.shiftKey && !s.altKey && lower(s) === 'z',
  ),
  bind(
    'redo',
    ['Ctrl+Shift+Z', 'Ctrl+Y'],
    'race',
    alsoInEntry,
    (s) => ctrl(s) && !s.altKey && (s.shiftKey ? lower(s) === 'z' : lower(s) === 'y'),
  ),
  bind('confirm', ['Shift+C'], 'race', pageOnly, letter('c', true)),
  bind('reopen', ['Shift+R'], 'race', pageOnly, letter('r', true)),
  ...scenes.map(([scene, digit]): KeyBinding => ({
    action: `scene:${scene}`,
    keys: [`Shift+${digit}`],
    group: 'outputs',
    label: 'key.scene',
    params: { scene },
    inEntry: true,
    matches: shiftDigit(digit),
  })),
  ...overlays.map(([element, digit]): KeyBinding => ({
    action: `overlay:${element}`,
    keys: [`Ctrl+Shift+${digit}`],
    group: 'outputs',
    label: 'key.overlay',
    params: { element },
    inEntry: true,
    matches: ctrlShiftDigit(digit),
  })),
  bind('help', ['?'], 'general', pageOnly, (s) => !ctrl(s) && !s.altKey && s.key === '?'),
  bind('raceTab', ['R'], 'general', pageOnly, letter('r')),
  bind('programTab', ['P'], 'general', pageOnly, letter('p')),
  bind('startListTab', ['I'], 'general', pageOnly, letter('i')),
  bind('timingTab', ['M'], 'general', pageOnly, letter('m')),
  bind('journal', ['J'], 'general', pageOnly, letter('j')),
  // Issue 19: the Program tab's two actions were 12 and 9 Tabs away. They only move the focus
  // (Enter then adds or activates), so a stray key never changes the program.
  bind('addRace', ['A'], 'program', pageOnly, letter('a')),
  bind('activateRace', ['Shift+A'], 'program', pageOnly, letter('a', true)),
  // Issue 20: the Hosts panel, and on a standby "take over as primary" (it always asks first).
  bind('hostsTab', ['H'], 'general', pageOnly, letter('h')),
  bind('takeOver', ['Shift+H'], 'general', pageOnly, letter('h', true)),
];

/** Keys handled by the entry line itself, listed on the sheet. */
export const entryKeys: readonly { keys: readonly string[]; label: LabelKey }[] = [
  { keys: ['Enter'], label: 'key.entrySend' },
  { keys: ['↑', '↓'], label: 'key.entryMode' },
  { keys: ['S', '↑'], label: 'key.sprintCorrect' },
  { keys: ['Esc'], label: 'key.entryEscape' },
  { keys: ['s2 8 10 12', 'dnf 11 9'], label: 'key.entryWords' },
  { keys: ['Tab', 'Shift+Tab'], label: 'key.tab' },
  { keys: ['Enter'], label: 'key.proposalAccept' },
  { keys: ['Tab'], label: 'key.proposalEdit' },
  { keys: ['Del'], label: 'key.proposalDismiss' },
];

/** How the keys work wherever the focus is: the first section of the shortcut sheet. */
export const keyRules: readonly { keys: readonly string[]; label: LabelKey }[] = [
  { keys: ['Space'], label: 'key.rule.space' },
  { keys: ['+'], label: 'key.rule.plus' },
  { keys: ['S', 'F', 'D', 'X', 'L', 'O', 'Q', 'T'], label: 'key.rule.modes' },
  { keys: ['Esc', 'Esc'], label: 'key.rule.escape' },
  { keys: ['Enter'], label: 'key.rule.enter' },
  { keys: ['Ctrl+Z'], label: 'key.rule.undo' },
  { keys: ['not sent'], label: 'key.rule.notSent' },
];

/** Where a binding works, as the sheet says it. */
export function whereLabel(binding: KeyBinding): LabelKey {
  if (binding.action === 'digit') return 'key.where.digit';
  return binding.inEntry ? 'key.where.always' : 'key.where.notTyping';
}

/** The action of a key stroke where the focus is, or null (the key does what it always does). */
export function actionFor(stroke: KeyStroke, context: KeyContext): KeyAction | null {
  if (context === 'field') return null;
  for (const binding of keyBindings) {
    if (context === 'entry' && !binding.inEntry) continue;
    if (context === 'choice' && binding.action !== 'lap') continue;
    // Digits in the entry line are typed by the line itself, where the caret is.
    if (context === 'emptyEntry' && binding.action === 'digit') continue;
    if (binding.matches(stroke)) return binding.action;
  }
  return null;
}

/** The parts of the focused element `keyContext` reads. */
export interface FocusedElement {
  readonly tagName: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
  readonly dataset?: DOMStringMap;
  readonly value?: string;
  readonly selectionStart?: number | null;
  readonly selectionEnd?: number | null;
}

/**
 * Whether the entry line holds no text of the operator's: nothing (a space is never leading
 * text), or only what a correction mode filled in, still wholly selected to be overtyped.
 */
function entryIsEmpty(element: FocusedElement): boolean {
  const value = element.value ?? '';
  if (value.trim() === '') return true;
  return (
    element.dataset?.prefilled !== undefined &&
    element.selectionStart === 0 &&
    element.selectionEnd === value.length
  );
}

/** Where the focus is, from the focused element's tag, type, role and (entry line) text. */
export function keyContext(element: FocusedElement | null): KeyContext {
  if (!element) return 'page';
  if (element.dataset?.entry !== undefined) return entryIsEmpty(element) ? 'emptyEntry' : 'entry';
  const tag = element.tagName.toLowerCase();
  if (tag === 'select') return 'choice';
  if (tag === 'textarea' || element.isContentEditable) return 'field';
  if (tag === 'input') {
    const type = (element.type ?? 'text').toLowerCase();
    return ['button', 'submit', 'reset', 'checkbox', 'radio'].includes(type) ? 'page' : 'field';
  }
  return 'page';
}
