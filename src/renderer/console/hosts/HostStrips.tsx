import { defaultCommitBoundMs, type HostRoleView } from '../../../shared/protocol/host-role.ts';
import type { Translate } from '../labels/i18n.ts';
import { Refusal } from '../ui/Refusal.tsx';

/**
 * Under the status bar, in every tab (issue 20): "STANDBY BEHIND" while the primary carries on
 * without its standby in step, and "DEPOSED" on a host another one took over from, with Rejoin.
 */
export function HostStrips({
  t,
  view,
  rejoin,
  refusal,
  sending,
}: {
  t: Translate;
  view: HostRoleView | null;
  rejoin: () => void;
  /** The host's refusal of the last rejoin, verbatim. */
  refusal: string | null;
  sending: boolean;
}) {
  if (!view) return null;
  return (
    <>
      {view.standbyBehind && (
        <p className="host-strip behind" role="alert" data-testid="standby-behind">
          {t('hosts.strip.behind', { ms: defaultCommitBoundMs })}
        </p>
      )}
      {view.deposed && (
        <div className="host-strip deposed" role="alert" data-testid="deposed">
          <strong>
            {t('hosts.strip.deposed', { epoch: view.deposed.epoch, by: view.deposed.by })}
          </strong>{' '}
          <button type="button" data-testid="rejoin" disabled={sending} onClick={rejoin}>
            {t('hosts.rejoin')}
          </button>
          <Refusal t={t} error={refusal} testId="rejoin-refusal" />
        </div>
      )}
    </>
  );
}
