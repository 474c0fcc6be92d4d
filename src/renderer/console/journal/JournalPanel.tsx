import { useMemo, type Ref } from 'react';
import type { Translate } from '../labels/i18n.ts';
import type { JournalCopy } from '../../shared/journal-feed.ts';
import { localTime } from '../../shared/local-time.ts';
import { journalRows, type JournalRow } from '../../shared/journal-rows.ts';
import type { UndoPreview } from './undo-preview.ts';
import { stepText } from './UndoLine.tsx';

/** What the journal's buttons do. */
export interface JournalActions {
  readonly undo: () => void;
  readonly redo: () => void;
  /** Asks to void one entry (after a confirmation). */
  readonly voidEntry: (row: JournalRow) => void;
}

function rowText(t: Translate, row: JournalRow): string {
  if (row.kind === 'undo') return t('journal.undo', { target: row.target ?? '?', what: row.text });
  if (row.kind === 'redo') return t('journal.redo', { target: row.target ?? '?', what: row.text });
  return row.text;
}

/** The race journal, newest first: time, source, what happened; voided entries struck through. */
export function JournalPanel({
  t,
  journal,
  actions,
  error,
  listRef,
  formatTime = localTime,
  preview = null,
}: {
  t: Translate;
  journal: JournalCopy | null;
  /** What the buttons would undo and redo, said on them before they are pressed. */
  preview?: UndoPreview | null;
  actions: JournalActions;
  error: string | null;
  listRef?: Ref<HTMLOListElement>;
  formatTime?: (iso: string) => string;
}) {
  const rows = useMemo(
    () => (journal ? journalRows(journal.entries, formatTime).reverse() : []),
    [journal, formatTime],
  );
  return (
    <section className="panel journal" aria-labelledby="journal-heading">
      <div className="panel-head">
        <h2 id="journal-heading">{t('journal')}</h2>
        <button
          type="button"
          className="small"
          onClick={actions.undo}
          title={preview?.undo ? t('undo.preview', { what: stepText(t, preview.undo) }) : undefined}
        >
          {t('undo')} <kbd>Ctrl+Z</kbd>
        </button>
        <button
          type="button"
          className="small"
          onClick={actions.redo}
          title={preview?.redo ? t('redo.preview', { what: stepText(t, preview.redo) }) : undefined}
        >
          {t('redo')} <kbd>Ctrl+Shift+Z</kbd>
        </button>
      </div>
      {error && (
        <p className="refusal" role="alert" data-testid="journal-refusal">
          <strong>{t('refused')}:</strong> {error}
        </p>
      )}
      <ol
        className="journal-list"
        data-testid="journal"
        ref={listRef}
        tabIndex={-1}
        aria-label={t('journal')}
      >
        {rows.length === 0 && <li className="muted">{t('journal.empty')}</li>}
        {rows.map((row) => (
          <li
            key={row.seq}
            className={`journal-row ${row.kind}${row.voided ? ' voided' : ''}`}
            data-seq={row.seq}
          >
            <span className="seq">#{row.seq}</span>
            <time className="time">{row.time}</time>
            <span className="source">{row.source}</span>
            <span className="what">
              {row.voided ? <del>{rowText(t, row)}</del> : rowText(t, row)}
              {row.voided && <span className="tag"> {t('journal.voided')}</span>}
              {row.replaced !== null && (
                <span className="tag correction">
                  {' '}
                  {t('journal.correction', { old: row.replaced })}
                </span>
              )}
            </span>
            {row.inForce && (
              <button
                type="button"
                className="small ghost"
                aria-label={`${t('voidEntry')} #${row.seq}`}
                onClick={() => actions.voidEntry(row)}
              >
                {t('voidEntry')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
