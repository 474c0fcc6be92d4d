/**
 * What the Add race form checks before it sends (issue 19, part 4): Enter with a field the host
 * would refuse says which field and why, instead of the browser's silent `required`.
 */
import type { LabelKey, LabelParams } from '../labels/i18n.ts';

/** What is typed in the form. */
export interface AddRaceDraft {
  readonly title: string;
  readonly round: 'semi' | 'final';
  /** As typed; a final has none (the box shows "—"). */
  readonly qualifiers: string;
}

/** A field of the form that keeps the race from being added, with the words that say why. */
export interface AddRaceProblem {
  readonly field: 'title' | 'qualifiers';
  readonly label: LabelKey;
  readonly params?: LabelParams;
}

/** The first field that keeps the race from being added, or null when it can be sent. */
export function addRaceProblem(draft: AddRaceDraft): AddRaceProblem | null {
  if (draft.title.trim() === '') return { field: 'title', label: 'addRace.problem.title' };
  if (draft.round === 'final') return null;
  const typed = draft.qualifiers.trim();
  if (typed === '') return { field: 'qualifiers', label: 'addRace.problem.qualifiersEmpty' };
  // The host's range (race/added in src/shared/protocol/program.ts): a whole number, 0 to 100.
  if (!/^\d{1,3}$/.test(typed) || Number(typed) > 100)
    return { field: 'qualifiers', label: 'addRace.problem.qualifiers', params: { typed } };
  return null;
}
