/** "0".."999" made once, so counting points up in the frame loop allocates no strings. */
const table: readonly string[] = Array.from({ length: 1000 }, (_, n) => String(n));

/** The text of a whole number, from the table when it is in range. */
export function numberText(value: number): string {
  return value >= 0 && value < 1000 ? table[value]! : String(value);
}

/** A cell that holds a whole number ("12"), or null for anything else ("", "DNF"). */
export function wholeNumber(text: string): number | null {
  return /^\d{1,3}$/.test(text) ? Number(text) : null;
}
