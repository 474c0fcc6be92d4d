import type { RaceView } from '../../../shared/race/view.ts';
import { formatRaceTime } from '../../../shared/text.ts';
import type { Translate } from '../labels/i18n.ts';

/**
 * The host's standings, compact, with the qualification line of a semi-final and each finisher's
 * time as it will be printed (issue 19: a mistyped time showed only in the board's preview).
 */
export function StandingsTable({ t, race }: { t: Translate; race: RaceView }) {
  const { rows, qualificationLine } = race.standings;
  const sprintCount = race.state.format.sprintLaps.length;
  return (
    <section className="panel standings" aria-labelledby="standings-heading">
      <h2 id="standings-heading">
        {t('standings')} <span className="muted">· {t(`phase.${race.standings.phase}`)}</span>
      </h2>
      <table data-testid="standings">
        <thead>
          <tr>
            <th scope="col">{t('col.rank')}</th>
            <th scope="col">{t('col.bib')}</th>
            <th scope="col">{t('col.name')}</th>
            <th scope="col">{t('col.nation')}</th>
            {Array.from({ length: sprintCount }, (_, i) => (
              <th scope="col" key={i}>
                S{i + 1}
              </th>
            ))}
            <th scope="col">F</th>
            <th scope="col">{t('col.total')}</th>
            <th scope="col">{t('col.time')}</th>
            <th scope="col">{t('col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr
              key={row.bib}
              className={
                [qualificationLine === index + 1 ? 'qline' : '', row.status !== 'OK' ? 'out' : '']
                  .join(' ')
                  .trim() || undefined
              }
              title={qualificationLine === index + 1 ? t('qualificationLine') : undefined}
            >
              <td>{row.rank ?? ''}</td>
              <td className="bib">{row.bib}</td>
              <td>{row.name}</td>
              <td>{row.nation}</td>
              {row.sprints.map((points, i) => (
                <td key={i} className="num">
                  {points || ''}
                </td>
              ))}
              <td className="num">{row.final || ''}</td>
              <td className="num strong">{row.total}</td>
              <td className="num" data-testid={`time-${row.bib}`}>
                {row.time === null ? '' : formatRaceTime(row.time)}
              </td>
              <td>
                {row.qualified ?? ''}
                {row.status !== 'OK'
                  ? ` ${row.status}${row.laps !== null ? ` (${row.laps})` : ''}`
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
