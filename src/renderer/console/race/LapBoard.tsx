import type { RaceView } from '../../../shared/race/view.ts';
import type { Translate } from '../labels/i18n.ts';
import { announcements } from './progress.ts';

/** What the lap board's buttons do. */
export interface LapBoardActions {
  readonly lap: () => void;
  readonly correctLaps: (lapsToGoDelta: 1 | -1) => void;
  readonly confirm: () => void;
  readonly reopen: () => void;
}

/** A moment's highlight on the figure: an undo or redo moved the laps ("9 → 10") or a sprint. */
export interface LapFlash {
  /** Changes with each undo or redo, so the highlight starts again. */
  readonly id: number;
  readonly text: string;
}

/**
 * The lap board: laps to go as the biggest thing on the screen, what the lap means, the lap
 * key; while the host is away, that laps are not being counted.
 */
export function LapBoard({
  t,
  race,
  actions,
  error,
  connected = true,
  flash = null,
}: {
  t: Translate;
  race: RaceView | null;
  actions: LapBoardActions;
  error: string | null;
  connected?: boolean;
  flash?: LapFlash | null;
}) {
  if (!race) return <section className="lapboard empty">{t('noActiveRace')}</section>;
  const { state } = race;
  const flag = race.bell
    ? 'bell'
    : typeof race.sprintLap === 'number'
      ? 'sprint'
      : race.lapsToGo === 0
        ? 'finished'
        : '';
  const said = announcements(race);
  return (
    <section className={`lapboard ${flag}`} aria-label={t('lapsToGo')}>
      <div className="lap-figure-box">
        <div
          key={`figure-${flash?.id ?? 0}`}
          className={`lap-figure${flash ? ' flash' : ''}${connected ? '' : ' stale'}`}
          data-testid="laps-to-go"
          aria-live="polite"
        >
          {race.lapsToGo}
        </div>
        {flash && (
          <div
            key={`flash-${flash.id}`}
            className="lap-flash"
            data-testid="lap-flash"
            role="status"
          >
            {flash.text}
          </div>
        )}
        <div className="lap-caption">
          {race.lapsToGo === 0 && state.started
            ? t('finished')
            : state.started
              ? t('lapsToGo')
              : t('notStarted')}
        </div>
      </div>
      <div className="lap-side">
        <h1 className="race-title">{state.title}</h1>
        <ul className="announcements" aria-live="assertive" data-testid="announcements">
          {said.map((line) => (
            <li
              key={`${line.key}-${JSON.stringify(line.params ?? {})}`}
              className={`announce ${line.tone}`}
            >
              {t(line.key, line.params)}
            </li>
          ))}
        </ul>
        <div className="lap-buttons">
          <button
            type="button"
            className="primary big"
            data-testid="lap-button"
            onClick={actions.lap}
            disabled={state.official || (state.started && race.lapsToGo === 0)}
          >
            {state.started ? t('lap') : t('startRace')} <kbd>Space</kbd>
          </button>
          <button
            type="button"
            onClick={() => actions.correctLaps(1)}
            disabled={!state.started || state.official}
          >
            {t('lapsPlus')} <kbd>Alt+↑</kbd>
          </button>
          <button
            type="button"
            onClick={() => actions.correctLaps(-1)}
            disabled={!state.started || state.official || race.lapsToGo === 0}
          >
            {t('lapsMinus')} <kbd>Alt+↓</kbd>
          </button>
          {state.official ? (
            <button type="button" className="danger" onClick={actions.reopen}>
              {t('reopen')} <kbd>Shift+R</kbd>
            </button>
          ) : (
            <button
              type="button"
              onClick={actions.confirm}
              disabled={state.finishOrder.length === 0}
            >
              {t('confirmOfficial')} <kbd>Shift+C</kbd>
            </button>
          )}
        </div>
        {!connected && (
          <p className="refusal not-sent" role="alert" data-testid="lap-offline">
            {t('lapsNotCounted')}
          </p>
        )}
        {error && (
          <p className="refusal" role="alert" data-testid="lap-refusal">
            <strong>{t('refused')}:</strong> {error}
          </p>
        )}
      </div>
    </section>
  );
}
