import type { RaceView } from '../../../shared/race/view.ts';
import { formatRaceTime } from '../../../shared/text.ts';
import type { TimingProposal } from '../../../shared/timing/view.ts';
import type { Translate } from '../labels/i18n.ts';
import { proposalEntryText, proposalText } from '../timing/timing-text.ts';

/**
 * The timing proposal the entry line offers (issue 12): "Timing: S1 5 3 6 — Enter accepts ·
 * Tab edits · Del dismisses", the skaters it names (with their times at the finish), and
 * Accept and Dismiss buttons. The keys' hint lights up once Enter takes it (after 600 ms).
 */
export function ProposalLine({
  t,
  proposal,
  correcting,
  race,
  busy,
  onAccept,
  onDismiss,
}: {
  t: Translate;
  proposal: TimingProposal;
  /** The line's text corrects this proposal (Tab copied it). */
  correcting: boolean;
  race: RaceView | null;
  busy: boolean;
  onAccept: () => void;
  onDismiss: () => void;
}) {
  const editable = proposalEntryText(proposal) !== null;
  const names = new Map((race?.state.skaters ?? []).map((skater) => [skater.bib, skater]));
  const bibs = proposal.kind === 'sprint' || proposal.kind === 'finish' ? proposal.bibs : [];
  const times: Readonly<Record<number, number>> = proposal.kind === 'finish' ? proposal.times : {};
  const inferred = new Set(proposal.kind === 'sprint' ? (proposal.inferred ?? []) : []);
  const lapped = proposal.kind === 'finish' ? (proposal.lapped ?? []) : [];
  const lappedLaps = new Map(lapped.map((skater) => [skater.bib, skater.laps]));
  const items = [
    ...bibs,
    ...lapped.map((skater) => skater.bib).filter((bib) => !bibs.includes(bib)),
  ];
  const incomplete =
    (proposal.kind === 'sprint' || proposal.kind === 'finish') && !proposal.complete;
  return (
    <div
      key={proposal.id}
      className={`proposal ${proposal.kind}`}
      data-testid="proposal"
      data-proposal={proposal.id}
    >
      <p className="proposal-line" role="status">
        <span className="proposal-source">{t('proposal.source')}:</span>{' '}
        <strong className="proposal-text" data-testid="proposal-text">
          {proposalText(t, proposal, race)}
        </strong>
        {incomplete && <span className="muted"> ({t('proposal.incomplete')})</span>}
        {' — '}
        <span className="proposal-keys">
          {t(editable ? 'proposal.keys' : 'proposal.keysNoEdit')}
        </span>
      </p>
      {items.length > 0 && (
        <ol className="entry-items proposal-items" data-testid="proposal-names">
          {items.map((bib) => {
            const time = times[bib];
            const laps = lappedLaps.get(bib);
            return (
              <li key={bib} className="entry-item">
                <span className="bib">{bib}</span> {names.get(bib)?.name ?? '?'}
                {time !== undefined && (
                  <span className="proposal-time"> {formatRaceTime(time)}</span>
                )}
                {laps !== undefined && (
                  <span className="proposal-mark lapped" data-testid="proposal-lapped">
                    {' '}
                    {t('proposal.lappedMark', { laps })}
                  </span>
                )}
                {inferred.has(bib) && (
                  <span className="proposal-mark inferred" data-testid="proposal-inferred">
                    {' '}
                    {t('proposal.inferred')}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {correcting && (
        <p className="proposal-editing" data-testid="proposal-editing">
          {t('proposal.editing')}
        </p>
      )}
      <div className="proposal-buttons">
        <button
          type="button"
          className="small primary"
          data-testid="proposal-accept"
          disabled={busy}
          onClick={onAccept}
        >
          {t('proposal.accept')} ⏎
        </button>
        <button
          type="button"
          className="small"
          data-testid="proposal-dismiss"
          disabled={busy}
          onClick={onDismiss}
        >
          {t('proposal.dismiss')} <kbd>Del</kbd>
        </button>
      </div>
    </div>
  );
}
