import type { RaceView } from '../../../shared/race/view.ts';
import type { PassingRow } from '../../../shared/timing/view.ts';
import type { Translate } from '../labels/i18n.ts';
import { hostTime } from './TimingDetails.tsx';

/** The latest passings, newest first: time, transponder, skater, lap, and what it did in words. */
export function PassingsTable({
  t,
  recent,
  race,
}: {
  t: Translate;
  recent: readonly PassingRow[];
  race: RaceView | null;
}) {
  const names = new Map((race?.state.skaters ?? []).map((skater) => [skater.bib, skater.name]));
  return (
    <section className="timing-recent" aria-labelledby="timing-recent-heading">
      <h3 id="timing-recent-heading">{t('timing.recent')}</h3>
      {recent.length === 0 ? (
        <p className="muted">{t('timing.noRecent')}</p>
      ) : (
        <table className="passings" data-testid="passings">
          <thead>
            <tr>
              <th scope="col">{t('timing.col.time')}</th>
              <th scope="col">{t('timing.col.transponder')}</th>
              <th scope="col">{t('timing.col.bib')}</th>
              <th scope="col">{t('timing.col.lap')}</th>
              <th scope="col">{t('timing.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((row) => (
              <tr key={row.passingNumber} className={`passing ${row.note}`}>
                <td>{hostTime(row.receivedAt)}</td>
                <td className="transponder">{row.transponder}</td>
                <td>
                  {row.bib === null ? (
                    '—'
                  ) : (
                    <>
                      <span className="bib">{row.bib}</span> {names.get(row.bib) ?? ''}
                    </>
                  )}
                </td>
                <td>{row.lap ?? ''}</td>
                <td>{t(`note.${row.note}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
