import type { Ref } from 'react';
import { silentBeforeTakeoverMs } from '../../../shared/protocol/host-role.ts';
import type { Translate } from '../labels/i18n.ts';
import type { Clock } from '../timing/use-timing.ts';
import { Refusal } from '../ui/Refusal.tsx';
import { FollowForm } from './FollowForm.tsx';
import { HostDetails } from './HostDetails.tsx';
import { secondsText } from './host-role-text.ts';
import type { HostRole } from './use-host-role.ts';

/**
 * Two laptops, primary and standby (issue 20): where this host stands, "Run as standby of …",
 * on a standby "Take over" (Shift+H, asked first), and the journals set aside in DATA/diverged/.
 * (Rejoin is on the DEPOSED strip, in every tab.)
 */
export function HostsPanel({
  t,
  role,
  clock,
  takeOver,
  headingRef,
  addressRef,
}: {
  t: Translate;
  role: HostRole;
  clock: Clock;
  /** Opens the takeover question (the same as Shift+H). */
  takeOver: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
  addressRef?: Ref<HTMLInputElement>;
}) {
  const view = role.feed?.view ?? null;
  const refusal = (action: 'follow' | 'takeover' | 'rejoin') =>
    role.refusal?.action === action ? role.refusal.error : null;
  return (
    <section className="panel hosts" aria-labelledby="hosts-heading">
      <h2 id="hosts-heading" ref={headingRef} tabIndex={-1}>
        {t('hosts.title')}
      </h2>
      {view && role.feed ? (
        <HostDetails t={t} view={view} receivedAt={role.feed.receivedAt} clock={clock} />
      ) : (
        <p className="muted">{t('hosts.noView')}</p>
      )}
      {view?.role === 'standby' && (
        <div className="host-actions">
          <p className="row">
            <button
              type="button"
              className="danger"
              data-testid="take-over"
              aria-keyshortcuts="Shift+H"
              disabled={role.sending}
              onClick={takeOver}
            >
              {t('hosts.takeOver')} <kbd>Shift+H</kbd>
            </button>{' '}
            <span className="muted">
              {view.canTakeOver
                ? t('hosts.takeOver.silent', { seconds: secondsText(silentBeforeTakeoverMs) })
                : t('hosts.takeOver.heard')}
            </span>
          </p>
          <Refusal t={t} error={refusal('takeover')} testId="take-over-refusal" />
        </div>
      )}
      <FollowForm
        t={t}
        self={view?.self ?? null}
        follow={role.follow}
        refusal={refusal('follow')}
        sending={role.sending}
        addressRef={addressRef}
      />
      {view && view.diverged.length > 0 && (
        <section className="host-diverged" aria-labelledby="host-diverged-heading">
          <h3 id="host-diverged-heading">{t('hosts.diverged')}</h3>
          <p className="muted">{t('hosts.divergedHelp')}</p>
          <ul data-testid="host-diverged">
            {view.diverged.map((file) => (
              <li key={file}>
                <code>{file}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
