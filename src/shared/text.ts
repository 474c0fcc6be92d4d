/** Race time as skating results print it: 7:42.49 (hundredths, truncated as timing does). */
export function formatRaceTime(ms: number): string {
  const hundredths = Math.floor(ms / 10);
  const minutes = Math.floor(hundredths / 6000);
  const seconds = Math.floor((hundredths % 6000) / 100);
  const rest = hundredths % 100;
  const ss = minutes > 0 ? String(seconds).padStart(2, '0') : String(seconds);
  return `${minutes > 0 ? `${minutes}:` : ''}${ss}.${String(rest).padStart(2, '0')}`;
}

/** Parses 7:42.49, 462.49 or 1:02:03.4 into milliseconds; null when it is not a time. */
export function parseRaceTime(text: string): number | null {
  const match = /^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2}|\d+)(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, h, m, s, frac] = match;
  const ms = Number((frac ?? '').padEnd(3, '0') || 0);
  return ((Number(h ?? 0) * 60 + Number(m ?? 0)) * 60 + Number(s)) * 1000 + ms;
}

/**
 * Characters a name must not carry (issue 17): the bidi controls (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069), which reorder what follows them on the board, and every other
 * control character (Unicode Cc: NUL, tab, line breaks, escapes ...).
 */
const controlCharacter = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Unicode white space, including the line break U+0085 that \s misses. */
const whiteSpace = /\p{White_Space}/u;
const whiteSpaces = /\p{White_Space}+/gu;

/** The control characters in a text, as code points in order ("U+202E"), repeats included. */
export function controlCharactersIn(text: string): string[] {
  return [...text.matchAll(controlCharacter)].map(
    ([character]) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/**
 * A name as it enters the race (start-list import, skater edits, titles): control characters
 * out (a tab or line break becomes a space), runs of whitespace one space, trimmed.
 */
export function cleanName(text: string): string {
  return text
    .replace(controlCharacter, (character) => (whiteSpace.test(character) ? ' ' : ''))
    .replace(whiteSpaces, ' ')
    .trim();
}
