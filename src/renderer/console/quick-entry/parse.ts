/**
 * The quick entry line: what the operator types ("12 7 3", "11 9", "1 7:42.49"), read into
 * helmet numbers before any rule is checked. Pure, so it is tested without a browser.
 */
import type { RefusalCode } from '../../../shared/race/errors.ts';
import { parseRaceTime } from '../../../shared/text.ts';

/** A status the quick entry sets. */
export type QuickEntryStatus = 'DNF' | 'DQ' | 'LAPPED' | 'OK';

/** What the typed numbers mean. */
export type QuickEntryMode =
  | { readonly kind: 'sprint'; readonly sprint: number }
  /** Finishers in crossing order, added after those already recorded. */
  | { readonly kind: 'finish' }
  /** The whole finish order again, replacing the recorded one (a correction). */
  | { readonly kind: 'finishReplace' }
  | { readonly kind: 'status'; readonly status: QuickEntryStatus }
  /** Referee-advanced qualifiers (q). */
  | { readonly kind: 'advance' }
  | { readonly kind: 'time' };

/** A problem with the typed text itself, found while reading it (no race rule involved). */
export type TextProblemCode = 'noRace' | 'notBib' | 'unknownKeyword' | 'dnfArgs' | 'timeArgs';

/**
 * A problem with a quick entry, as a label key (`problem.<code>`) with its parameters: one the
 * console finds reading the text, or a refusal of the race rules (the engine's own code, with
 * the engine's words in `error` for codes the console has no label of its own for).
 */
export interface QuickEntryProblem {
  readonly code: TextProblemCode | RefusalCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly error?: string;
}

/** The typed text, read. */
export interface ParsedQuickEntry {
  /** The mode: the chosen one, or the one a leading word asks for ("s2 8 10 12", "dnf 11 9"). */
  readonly mode: QuickEntryMode;
  /** Helmet numbers (and, for DNF, the laps as the second number), in typed order. */
  readonly numbers: readonly number[];
  /** The time in milliseconds, in time mode. */
  readonly time: number | null;
  /** Words that are not numbers, and a leading word that is not a mode. */
  readonly problems: readonly QuickEntryProblem[];
  /** Nothing typed. */
  readonly empty: boolean;
}

/** Leading words that choose a mode, so everything can be typed on the line. */
function keywordMode(word: string): QuickEntryMode | null {
  const lower = word.toLowerCase();
  const sprint = /^(?:s|sp|sprint)(\d{1,2})$/.exec(lower);
  if (sprint) return { kind: 'sprint', sprint: Number(sprint[1]) };
  switch (lower) {
    case 'f':
    case 'fin':
    case 'finish':
      return { kind: 'finish' };
    case 'fr':
      return { kind: 'finishReplace' };
    case 'dnf':
      return { kind: 'status', status: 'DNF' };
    case 'dq':
    case 'dsq':
      return { kind: 'status', status: 'DQ' };
    case 'lap':
    case 'lapped':
      return { kind: 'status', status: 'LAPPED' };
    case 'ok':
      return { kind: 'status', status: 'OK' };
    case 'q':
      return { kind: 'advance' };
    case 't':
    case 'time':
      return { kind: 'time' };
    default:
      return null;
  }
}

/** Numbers are separated by spaces, commas, semicolons, slashes or (outside times) dots: numpad friendly. */
const separators = /[\s,;/*.]+/;
const timeSeparators = /[\s;/*]+/;

/** Reads the entry line in the given mode. */
export function parseQuickEntry(text: string, mode: QuickEntryMode): ParsedQuickEntry {
  let words = text.trim().split(/\s+/).filter(Boolean);
  const problems: QuickEntryProblem[] = [];
  let effective = mode;
  const first = words[0];
  if (first !== undefined && /^[a-z]/i.test(first)) {
    const chosen = keywordMode(first);
    if (chosen) effective = chosen;
    else problems.push({ code: 'unknownKeyword', params: { word: first } });
    words = words.slice(1);
  }
  const rest = words.join(' ');
  const tokens = rest
    .split(effective.kind === 'time' ? timeSeparators : separators)
    .filter(Boolean);
  const numbers: number[] = [];
  const lapsSecond = effective.kind === 'status' && effective.status === 'DNF';
  let time: number | null = null;
  tokens.forEach((token, index) => {
    if (effective.kind === 'time' && index === 1) {
      time = parseRaceTime(token);
      if (time === null) problems.push({ code: 'timeArgs' });
      return;
    }
    if (/^\d{1,3}$/.test(token) && Number(token) >= 1) numbers.push(Number(token));
    else if (/^\d+$/.test(token) && lapsSecond && index === 1) numbers.push(Number(token));
    else problems.push({ code: 'notBib', params: { token } });
  });
  if (effective.kind === 'time' && tokens.length > 2) problems.push({ code: 'timeArgs' });
  return { mode: effective, numbers, time, problems, empty: text.trim().length === 0 };
}

/** Modes in the order ↑ and ↓ walk through them. */
export function modeCycle(sprintCount: number): QuickEntryMode[] {
  const sprints = Array.from({ length: sprintCount }, (_, i): QuickEntryMode => ({
    kind: 'sprint',
    sprint: i + 1,
  }));
  return [
    ...sprints,
    { kind: 'finish' },
    { kind: 'finishReplace' },
    { kind: 'status', status: 'DNF' },
    { kind: 'status', status: 'DQ' },
    { kind: 'status', status: 'LAPPED' },
    { kind: 'status', status: 'OK' },
    { kind: 'advance' },
    { kind: 'time' },
  ];
}

/** Whether two modes are the same. */
export function sameMode(a: QuickEntryMode, b: QuickEntryMode): boolean {
  return modeKey(a) === modeKey(b);
}

/** A stable name of a mode, for keys and test ids: "sprint-2", "finish", "status-DNF". */
export function modeKey(mode: QuickEntryMode): string {
  switch (mode.kind) {
    case 'sprint':
      return `sprint-${mode.sprint}`;
    case 'status':
      return `status-${mode.status}`;
    default:
      return mode.kind;
  }
}

/** The next (step 1) or previous (step -1) mode in the cycle. */
export function stepMode(mode: QuickEntryMode, step: 1 | -1, sprintCount: number): QuickEntryMode {
  const cycle = modeCycle(sprintCount);
  const index = cycle.findIndex((candidate) => sameMode(candidate, mode));
  return cycle[(index + step + cycle.length) % cycle.length]!;
}
