import type { RaceView } from '../../../shared/race/view.ts';
import type { QuickEntryMode } from '../quick-entry/parse.ts';
import type { Translate } from '../labels/i18n.ts';

/** Placings with the points the host's standings give each skater for them (views compute nothing). */
function Placings({
  race,
  bibs,
  points,
}: {
  race: RaceView;
  bibs: readonly number[];
  points: (bib: number) => number | undefined;
}) {
  return (
    <ol className="placings">
      {bibs.map((bib, index) => {
        const skater = race.state.skaters.find((s) => s.bib === bib);
        return (
          <li key={`${index}-${bib}`}>
            <span className="bib">{bib}</span> {skater?.name ?? '?'}
            {points(bib) ? <span className="points"> +{points(bib)}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Every sprint's placings and the finish order, each with its correction button. */
export function SprintSummary({
  t,
  race,
  onCorrect,
}: {
  t: Translate;
  race: RaceView;
  onCorrect: (mode: QuickEntryMode) => void;
}) {
  const { format, sprints, finishOrder } = race.state;
  const row = (bib: number) => race.standings.rows.find((r) => r.bib === bib);
  return (
    <section className="panel sprints" aria-labelledby="sprints-heading">
      <h2 id="sprints-heading">{t('sprints')}</h2>
      <div className="sprint-list" data-testid="sprint-summary">
        {format.sprintLaps.map((lap, index) => {
          const placed = sprints[index] ?? [];
          const sprint = index + 1;
          return (
            <div
              key={sprint}
              className={race.sprintsDone.includes(sprint) ? 'sprint done' : 'sprint'}
              data-testid={`sprint-${sprint}`}
            >
              <h3>
                {t('mode.sprint', { sprint })}{' '}
                <span className="muted">· {t('afterLap', { lap })}</span>
              </h3>
              {placed.length > 0 ? (
                <Placings race={race} bibs={placed} points={(bib) => row(bib)?.sprints[index]} />
              ) : (
                <p className="muted">{t('none')}</p>
              )}
              <button
                type="button"
                className="small"
                disabled={race.state.official}
                onClick={() => onCorrect({ kind: 'sprint', sprint })}
              >
                {placed.length > 0 ? t('correct') : t('mode.sprint', { sprint })}
              </button>
            </div>
          );
        })}
        <div className="sprint finish" data-testid="finish-summary">
          <h3>{t('finishOrder')}</h3>
          {finishOrder.length > 0 ? (
            <Placings race={race} bibs={finishOrder} points={(bib) => row(bib)?.final} />
          ) : (
            <p className="muted">{t('none')}</p>
          )}
          <button
            type="button"
            className="small"
            disabled={race.state.official || finishOrder.length === 0}
            onClick={() => onCorrect({ kind: 'finishReplace' })}
          >
            {t('replace')}
          </button>
        </div>
      </div>
    </section>
  );
}
