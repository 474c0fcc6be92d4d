import { parseStartListCsv } from './csv.ts';
import { parseStartListJson } from './json.ts';
import type { StartListResult } from './result.ts';

/** Reads a start list file: JSON when it starts with [ or { or is named *.json, CSV otherwise. */
export function parseStartList(text: string, fileName?: string): StartListResult {
  const looksLikeJson = /^\uFEFF?\s*[[{]/.test(text) || /\.json$/i.test(fileName?.trim() ?? '');
  return looksLikeJson ? parseStartListJson(text) : parseStartListCsv(text);
}
