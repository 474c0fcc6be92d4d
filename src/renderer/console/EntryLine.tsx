import type { KeyboardEvent, RefObject } from 'react';
import { modeCycle, modeKey, sameMode, type EntryMode } from './entry.ts';
import type { LabelKey, Translate } from './i18n.ts';
import type { EntryState } from './use-entry.ts';
import type { EntryProblem } from './entry.ts';

/** The label of an entry mode; `appending` says whether a finish entry adds to an order. */
export function modeLabel(t: Translate, mode: EntryMode, appending = false): string {
  switch (mode.kind) {
    case 'sprint':
      return t('mode.sprint', { sprint: mode.sprint });
    case 'finish':
      return t(appending ? 'mode.finishAppend' : 'mode.finish');
    case 'finishReplace':
      return t('mode.finishReplace');
    case 'status':
      return t(`mode.${mode.status}`);
    case 'advance':
      return t('mode.advance');
    case 'time':
      return t('mode.time');
  }
}

function helpFor(mode: EntryMode): LabelKey {
  if (mode.kind === 'status') return mode.status === 'DNF' ? 'mode.help.DNF' : 'mode.help.status';
  return `mode.help.${mode.kind}`;
}

/** A console problem in words. */
export function problemText(t: Translate, problem: EntryProblem): string {
  return t(`problem.${problem.code}`, problem.params);
}

/** The entry line: mode, typed numbers with the names they stand for, problems, refusals. */
export function EntryLine({
  t,
  entry,
  inputRef,
  sprintCount,
  appending,
}: {
  t: Translate;
  entry: EntryState;
  inputRef: RefObject<HTMLInputElement | null>;
  sprintCount: number;
  appending: boolean;
}) {
  const { check, hostError } = entry;
  // A leading word ("dnf 11 9") overrides the chosen mode: show what Enter will do.
  const mode = check.mode;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void entry.submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      entry.escape();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      entry.step(event.key === 'ArrowUp' ? -1 : 1);
    }
  };
  const label = modeLabel(t, mode, appending);
  const problems = check.problems.map((problem) => problemText(t, problem));
  return (
    <section className="entry" aria-labelledby="entry-label">
      <label id="entry-label" htmlFor="entry-input" className="entry-label">
        <span className="entry-mode" data-testid="entry-mode">
          {label}
        </span>
        <span className="entry-help">{t(helpFor(mode))}</span>
      </label>
      <div className="entry-row">
        <input
          id="entry-input"
          ref={inputRef}
          data-entry=""
          data-prefilled={entry.prefilled ? '' : undefined}
          data-testid="entry-input"
          className={problems.length > 0 || hostError ? 'entry-input invalid' : 'entry-input'}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('entryPlaceholder')}
          value={entry.text}
          aria-invalid={problems.length > 0 || hostError !== null}
          aria-describedby="entry-feedback"
          onChange={(event) => entry.setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="primary"
          disabled={!check.request || entry.busy}
          onClick={() => void entry.submit()}
        >
          {entry.busy ? t('sending') : t('send')} ⏎
        </button>
      </div>
      <div className="entry-modes" role="group" aria-label={t('entry')}>
        {modeCycle(sprintCount).map((candidate) => (
          <button
            key={modeKey(candidate)}
            type="button"
            className="mode-chip"
            aria-pressed={sameMode(candidate, mode)}
            onClick={() => entry.choose(candidate)}
          >
            {modeLabel(t, candidate, appending)}
          </button>
        ))}
      </div>
      <p className="entry-hint">{t('entryHint')}</p>
      <div id="entry-feedback" className="entry-feedback">
        {check.items.length > 0 && (
          <ol className="entry-items" data-testid="entry-names">
            {check.items.map((item, index) => (
              <li
                key={`${index}-${item.bib}`}
                className={item.problem ? 'entry-item bad' : 'entry-item'}
              >
                <span className="bib">{item.bib}</span> {item.name ?? '?'}{' '}
                <span className="nation">{item.nation}</span>
              </li>
            ))}
            {check.laps !== null && (
              <li className="entry-item laps">{t('afterLaps', { laps: check.laps })}</li>
            )}
          </ol>
        )}
        {check.replaces && entry.text.trim() !== '' && (
          <p className="entry-correction" data-testid="entry-correction">
            {t('correction', { old: check.replaces.join(' ') })}
          </p>
        )}
        {problems.length > 0 && (
          <ul className="entry-problems" data-testid="entry-problems" role="status">
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        )}
        {hostError && hostError.status === 0 && (
          <p className="refusal not-sent" role="alert" data-testid="entry-refusal">
            <strong>{t('notSent')}:</strong> {hostError.error}. {t('entryNotSent')}
          </p>
        )}
        {hostError && hostError.status !== 0 && (
          <p className="refusal" role="alert" data-testid="entry-refusal">
            <strong>{t('refused')}:</strong> {hostError.status === 409 ? `${t('stale')} ` : ''}
            {hostError.error}
          </p>
        )}
      </div>
    </section>
  );
}
