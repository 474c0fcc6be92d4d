/**
 * Enter in the Program tab's forms (issue 19, part 4). A browser submits a form on Enter in a
 * text field but not in a drop-down list, so Enter on Round or Format did nothing without a
 * word; here Enter submits from any field, and the form then says what is missing.
 */
import type { KeyboardEvent } from 'react';

/** The form's keydown: Enter on a drop-down list submits the form, as in a text field. */
export function enterSubmits(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (!(event.target instanceof HTMLSelectElement)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
