import type { KeyboardEvent, RefObject } from 'react';
import type { RaceView } from '../../../shared/race/view.ts';
import { isLabelKey, type LabelKey, type Translate } from '../labels/i18n.ts';
import {
  modeCycle,
  modeKey,
  sameMode,
  type QuickEntryMode,
  type QuickEntryProblem,
} from './parse.ts';
import type { QuickEntryState } from './use-quick-entry.ts';
import { ProposalLine } from './ProposalLine.tsx';
import { CorrectionBanner } from './CorrectionBanner.tsx';
import { timeReadback } from '../finish-time/time-readback.ts';

/** The label of a quick entry mode; `appending` says whether a finish entry adds to an order. */
export function modeLabel(t: Translate, mode: QuickEntryMode, appending = false): string {
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

function helpFor(mode: QuickEntryMode): LabelKey {
  if (mode.kind === 'status') return mode.status === 'DNF' ? 'mode.help.DNF' : 'mode.help.status';
  return `mode.help.${mode.kind}`;
}

/**
 * A quick entry problem in words: the console's label for its code, or (a rule the console has
 * no label for) the engine's own words.
 */
export function problemText(t: Translate, problem: QuickEntryProblem): string {
  const key = `problem.${problem.code}`;
  return isLabelKey(key) ? t(key, problem.params) : (problem.error ?? problem.code);
}

/**
 * The quick entry line: mode, typed numbers with the names they stand for, problems (each
 * number's next to it), the host's refusals.
 */
export function QuickEntry({
  t,
  quickEntry,
  inputRef,
  sprintCount,
  appending,
  race = null,
}: {
  t: Translate;
  quickEntry: QuickEntryState;
  inputRef: RefObject<HTMLInputElement | null>;
  sprintCount: number;
  appending: boolean;
  /** The race on screen, for the names in a timing proposal and the time a new one replaces. */
  race?: RaceView | null;
}) {
  const { check, hostError } = quickEntry;
  // A leading word ("dnf 11 9") overrides the chosen mode: show what Enter will do.
  const mode = check.mode;
  const { proposal } = quickEntry;
  const empty = quickEntry.text.trim() === '';
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      // An empty line accepts the timing proposal shown (once it has been on screen 600 ms).
      if (empty && proposal && !event.repeat) void quickEntry.acceptProposal(true);
      else void quickEntry.submit();
    } else if (event.key === 'Tab' && !event.shiftKey && empty && proposal) {
      if (quickEntry.editProposal()) event.preventDefault();
    } else if (event.key === 'Delete' && quickEntry.text === '' && proposal) {
      event.preventDefault();
      if (!event.repeat) void quickEntry.dismissProposal(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      quickEntry.escape();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      quickEntry.step(event.key === 'ArrowUp' ? -1 : 1);
    }
  };
  const label = modeLabel(t, mode, appending);
  const problems = check.problems.map((problem) => problemText(t, problem));
  // Placings already entered that Enter would replace (issue 19: said loudly, not in a line).
  const correcting = check.replaces && quickEntry.text.trim() !== '' ? check.replaces : null;
  const readback = timeReadback(check.commands, race?.state ?? null);
  return (
    <section className={correcting ? 'entry correcting' : 'entry'} aria-labelledby="entry-label">
      {correcting && <CorrectionBanner t={t} mode={mode} replaces={correcting} />}
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
          data-prefilled={quickEntry.prefilled ? '' : undefined}
          data-testid="entry-input"
          className={problems.length > 0 || hostError ? 'entry-input invalid' : 'entry-input'}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('quickEntryPlaceholder')}
          value={quickEntry.text}
          aria-invalid={problems.length > 0 || hostError !== null}
          aria-describedby="entry-feedback"
          onChange={(event) => quickEntry.setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="primary"
          disabled={!check.request || quickEntry.busy}
          onClick={() => void quickEntry.submit()}
        >
          {quickEntry.busy ? t('sending') : t('send')} ⏎
        </button>
      </div>
      {proposal && (
        <ProposalLine
          t={t}
          proposal={proposal}
          correcting={quickEntry.correcting !== null}
          race={race}
          busy={quickEntry.busy}
          onAccept={() => void quickEntry.acceptProposal()}
          onDismiss={() => void quickEntry.dismissProposal()}
        />
      )}
      <div className="entry-modes" role="group" aria-label={t('quickEntry')}>
        {modeCycle(sprintCount).map((candidate) => (
          <button
            key={modeKey(candidate)}
            type="button"
            className="mode-chip"
            aria-pressed={sameMode(candidate, mode)}
            onClick={() => quickEntry.choose(candidate)}
          >
            {modeLabel(t, candidate, appending)}
          </button>
        ))}
      </div>
      <p className="entry-hint">{t('quickEntryHint')}</p>
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
            {readback && (
              <li className="entry-item time" data-testid="entry-time" title={t('entry.time')}>
                {readback.time}
              </li>
            )}
          </ol>
        )}
        {readback?.replaces && (
          <p className="entry-correction" data-testid="entry-correction">
            {t('correction', { old: readback.replaces })}
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
            <strong>{t('notSent')}:</strong> {hostError.error}.{' '}
            {hostError.timing ? '' : t('quickEntryNotSent')}
          </p>
        )}
        {hostError && hostError.status !== 0 && (
          <p className="refusal" role="alert" data-testid="entry-refusal">
            <strong>{t('refused')}:</strong>{' '}
            {hostError.status === 409 && !hostError.timing ? `${t('stale')} ` : ''}
            {hostError.error}
          </p>
        )}
      </div>
    </section>
  );
}
