/** The console's labels in English and Dutch. Host messages stay as the host words them. */
import { en, type LabelKey } from './labels-en.ts';
import { nl } from './labels-nl.ts';

export type { LabelKey };

/** A console language. */
export type Language = 'en' | 'nl';

const labels: Record<Language, Record<LabelKey, string>> = { en, nl };

/** Parameters filled into a label. */
export type LabelParams = Readonly<Record<string, string | number>>;

/** A label in a language with its parameters filled in. */
export function translate(language: Language, key: LabelKey, params: LabelParams = {}): string {
  return labels[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one language, as components use it. */
export type Translate = (key: LabelKey, params?: LabelParams) => string;

/** Binds `translate` to a language. */
export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

/** Whether a string is a label key (a host or rules code the console may have words for). */
export function isLabelKey(key: string): key is LabelKey {
  return Object.hasOwn(en, key);
}

/** Every label key, for completeness tests. */
export const labelKeys = Object.keys(en) as LabelKey[];

/** The labels of a language, for tests. */
export function labelsOf(language: Language): Readonly<Record<LabelKey, string>> {
  return labels[language];
}
