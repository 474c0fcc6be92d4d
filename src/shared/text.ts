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
