import type { TimingView } from '../../../shared/timing/view.ts';
import type { LabelKey, Translate } from '../labels/i18n.ts';
import { localTime } from '../../shared/local-time.ts';
import { offsetText } from './timing-text.ts';

/** A host-clock moment as the operator's wall clock time, "15:07:42". */
export const hostTime = (ms: number): string => localTime(new Date(ms).toISOString());

/** Everything the host counts about the feed, for the operator who wonders what the loop does. */
export function TimingDetails({ t, view }: { t: Translate; view: TimingView }) {
  const { status } = view;
  const rows: [LabelKey, string | number][] = [
    ['timing.d.connection', t(`timing.conn.${status.connection}`)],
    ['timing.d.url', status.url ?? '—'],
    ['timing.d.connections', status.connections],
    [
      'timing.d.lastPassing',
      status.lastPassingAt === null ? t('timing.noPassings') : hostTime(status.lastPassingAt),
    ],
    ['timing.d.passings', status.passings],
    ['timing.d.leaderLaps', view.leaderLaps],
    ['timing.d.duplicates', status.duplicates],
    ['timing.d.doubleReads', status.doubleReads],
    ['timing.d.missedReads', status.missedReads],
    ['timing.d.beforeStart', status.beforeStart],
    ['timing.d.afterFinish', status.afterFinish],
    ['timing.d.badFrames', status.badFrames],
    ['timing.d.skippedBytes', status.skippedBytes],
    ['timing.d.clockOffset', offsetText(status.clockOffsetMs)],
    ['timing.d.missingPassings', status.missingPassings],
    [
      'timing.d.startSource',
      status.startSource === null ? '—' : t(`timing.start.${status.startSource}`),
    ],
    ['timing.d.lastError', status.lastError ?? '—'],
  ];
  return (
    <section className="timing-details" aria-labelledby="timing-details-heading">
      <h3 id="timing-details-heading">{t('timing.details')}</h3>
      <dl className="details-grid" data-testid="timing-details">
        {rows.map(([key, value]) => (
          <div key={key} className="detail">
            <dt>{t(key)}</dt>
            <dd data-testid={key}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
