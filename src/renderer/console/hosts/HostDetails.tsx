import type { HostRoleView } from '../../../shared/protocol/host-role.ts';
import type { LabelKey, Translate } from '../labels/i18n.ts';
import { useTicking, type Clock } from '../timing/use-timing.ts';
import { heardAgoMs, secondsText, shortHash } from './host-role-text.ts';

/**
 * What the operator compares across the two laptops: role, epoch, peer, lines behind, when the
 * peer was last heard (ticking on the console's clock), the state hash (equal when in step) and
 * where each journal is.
 */
export function HostDetails({
  t,
  view,
  receivedAt,
  clock,
}: {
  t: Translate;
  view: HostRoleView;
  receivedAt: number;
  clock: Clock;
}) {
  const ticked = useTicking(clock, 500);
  const heard = heardAgoMs(view, receivedAt, Math.max(ticked, receivedAt));
  const races = Object.entries(view.position.races).map(([race, lines]) =>
    t('hosts.positionRace', { race, lines }),
  );
  const rows: [string, LabelKey, string | number][] = [
    ['role', 'hosts.d.role', t(`hosts.role.${view.role}`)],
    ['epoch', 'hosts.d.epoch', view.epoch],
    ['self', 'hosts.d.self', view.self ?? t('hosts.none')],
    ['peer', `hosts.d.peer.${view.role}`, view.peer ?? t('hosts.none')],
    ['behind', `hosts.d.behind.${view.role}`, t('hosts.lines', { count: view.behind })],
    [
      'last-heard',
      'hosts.d.lastHeard',
      heard === null ? t('hosts.neverHeard') : t('hosts.heardAgo', { seconds: secondsText(heard) }),
    ],
    ['state-hash', 'hosts.d.stateHash', shortHash(view.stateHash)],
    [
      'position',
      'hosts.d.position',
      [t('hosts.position', { program: view.position.program }), ...races].join(' · '),
    ],
  ];
  return (
    <dl className="details-grid host-details" data-testid="host-details">
      {rows.map(([id, key, value]) => (
        <div key={id} className="detail">
          <dt>{t(key)}</dt>
          <dd data-testid={`host-d-${id}`} title={id === 'state-hash' ? view.stateHash : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
