import { useState } from 'react';
import {
  boardLabelKeys,
  boardLabelTables,
  type BoardLabelKey,
  type BoardLanguage,
  type LabelOverrides,
} from '../../../shared/board/labels.ts';
import type { ProgramCommand } from '../../../shared/protocol/program.ts';
import type { Reply } from '../../../shared/protocol/reply.ts';
import type { Translate } from '../labels/i18n.ts';
import { Refusal } from '../ui/Refusal.tsx';

/** The board languages as the selector names them, each in its own language. */
export const boardLanguageNames: Readonly<Record<BoardLanguage, string>> = {
  en: 'English',
  nl: 'Nederlands',
  de: 'Deutsch',
  it: 'Italiano',
};

/** Only the words typed: an empty field gives the label back to the language (issue 18). */
export function labelsToSave(draft: Readonly<Record<string, string>>): LabelOverrides {
  return Object.fromEntries(
    boardLabelKeys.flatMap((key) => {
      const word = draft[key]?.trim() ?? '';
      return word === '' ? [] : [[key, word]];
    }),
  );
}

/**
 * The meeting's own words for the board and the overlay (issue 18: Milano, Inzell and Hamar each
 * want their own): every label key with the board language's word as its placeholder and the
 * meeting's word, if any, in the field. Save sends `display/configured` with `labels` holding
 * only the fields filled in; an emptied field restores the language's word.
 */
export function BoardWordsForm({
  t,
  language,
  labels,
  send,
}: {
  t: Translate;
  language: BoardLanguage;
  labels: LabelOverrides;
  send: (command: ProgramCommand, origin: string) => Promise<Reply>;
}) {
  const [draft, setDraft] = useState<Record<string, string>>(() => ({ ...labels }));
  const [outcome, setOutcome] = useState<{ ok: boolean; error: string | null } | null>(null);
  // Words another console (or the API) saved replace the fields; what was typed here and saved
  // comes back the same.
  const saved = JSON.stringify(labels);
  const [shownSaved, setShownSaved] = useState(saved);
  if (saved !== shownSaved) {
    setShownSaved(saved);
    setDraft({ ...labels });
  }
  const table = boardLabelTables[language];
  const count = Object.keys(labelsToSave(draft)).length;
  const save = async () => {
    const reply = await send(
      { type: 'display/configured', labels: labelsToSave(draft) },
      t('boardWords'),
    );
    setOutcome(reply.ok ? { ok: true, error: null } : { ok: false, error: reply.error });
  };
  const change = (key: BoardLabelKey, word: string) => {
    setOutcome(null);
    setDraft((words) => ({ ...words, [key]: word }));
  };
  return (
    <details className="board-words" data-testid="board-words">
      <summary>{t('boardWords.open')}</summary>
      <form
        aria-label={t('boardWords')}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="muted">
          {t('boardWords.help', { language: boardLanguageNames[language], fields: '{n}' })}
        </p>
        <table>
          <tbody>
            {boardLabelKeys.map((key) => (
              <tr key={key}>
                <th scope="row">
                  <label htmlFor={`board-word-${key}`}>
                    <code>{key}</code>
                  </label>
                </th>
                <td>
                  <input
                    id={`board-word-${key}`}
                    type="text"
                    name={key}
                    maxLength={80}
                    value={draft[key] ?? ''}
                    placeholder={table[key]}
                    onChange={(event) => change(key, event.target.value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="inline">
          <button type="submit" data-testid="board-words-save">
            {t('boardWords.save')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setOutcome(null);
              setDraft({});
            }}
          >
            {t('boardWords.clear')}
          </button>{' '}
          <span className="muted" data-testid="board-words-count">
            {t('boardWords.count', { count })}
          </span>{' '}
          {outcome?.ok && (
            <span role="status" data-testid="board-words-saved">
              {t('boardWords.saved')}
            </span>
          )}
        </p>
        <Refusal t={t} error={outcome?.error ?? null} testId="board-words-refusal" />
      </form>
    </details>
  );
}
