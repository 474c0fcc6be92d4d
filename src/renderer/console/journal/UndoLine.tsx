import type { JournalEntry } from '../../../shared/race/events.ts';
import { describe } from '../../../shared/race/history.ts';
import type { Translate } from '../labels/i18n.ts';
import type { UndoStep } from './undo-preview.ts';
import type { UndoResult, UndoState } from './use-undo.ts';

/**
 * An undo step in the journal's words, with what the board shows (issue 19: "laps to go 7 → 8"
 * read backwards): before the key is pressed, "#14 lap completed — the board would show 10 laps
 * to go (it shows 9)"; once done (`shown`), "… — the board shows 10 laps to go (it showed 9)".
 */
export function stepText(t: Translate, step: UndoStep, shown = false): string {
  const laps = step.lapsToGo
    ? ` — ${t(shown ? 'undo.lapsShown' : 'undo.lapsWould', step.lapsToGo)}`
    : '';
  return `#${step.seq} ${step.text}${laps}`;
}

/** What the last undo or redo did, or why it did not. */
function resultText(t: Translate, last: UndoResult, entries: readonly JournalEntry[]): string {
  const entry = last.seq === null ? undefined : entries.find((e) => e.seq === last.seq);
  const what = last.step
    ? stepText(t, last.step, last.phase === 'done')
    : entry
      ? `#${entry.seq} ${describe(entry.event)}`
      : last.seq === null
        ? '…'
        : `#${last.seq}`;
  switch (last.phase) {
    case 'sending':
      return t(`${last.kind}.sending`, { what });
    case 'done':
      return t(`${last.kind}.done`, { what });
    case 'notSent':
      return t(`${last.kind}.notSent`, { error: last.error ?? '' });
    case 'refused':
      return t(`${last.kind}.refused`, {
        error: last.stale ? t('undo.stale') : (last.error ?? ''),
      });
  }
}

/** The laps-to-go flash of an undo or redo that moved the laps or a sprint (null: none). */
export function lapFlash(
  t: Translate,
  last: UndoResult | null,
): { readonly id: number; readonly text: string } | null {
  const step = last?.phase === 'done' ? last.step : null;
  if (!last || !step) return null;
  if (step.lapsToGo)
    return { id: last.id, text: `${step.lapsToGo.before} → ${step.lapsToGo.after}` };
  if (step.sprint !== null)
    return { id: last.id, text: t(`${last.kind}.flashSprint`, { sprint: step.sprint }) };
  return null;
}

/**
 * Next to the entry line: what Ctrl+Z and Ctrl+Shift+Z would do now, and what the last one
 * did, so the operator knows before pressing and sees it as it happens.
 */
export function UndoLine({
  t,
  history,
  entries,
}: {
  t: Translate;
  history: UndoState;
  entries: readonly JournalEntry[];
}) {
  const { preview, last } = history;
  return (
    <section className="undo-line" aria-label={t('undo')}>
      {last && (
        <p className={`undo-result ${last.phase}`} data-testid="undo-result" role="status">
          {resultText(t, last, entries)}
        </p>
      )}
      <p className="undo-preview">
        <span data-testid="undo-preview">
          {preview === null
            ? t('undo.reading')
            : preview.undo
              ? t('undo.preview', { what: stepText(t, preview.undo) })
              : t('undo.nothing')}
        </span>
        {preview?.redo && (
          <span data-testid="redo-preview">
            {' · '}
            {t('redo.preview', { what: stepText(t, preview.redo) })}
          </span>
        )}
      </p>
    </section>
  );
}
