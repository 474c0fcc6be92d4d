import { useState } from 'react';
import type { RaceView } from '../../../shared/race/view.ts';
import type { UnknownTransponder } from '../../../shared/timing/view.ts';
import type { SendRace } from '../host/use-host.ts';
import type { Translate } from '../labels/i18n.ts';
import { Refusal } from '../ui/Refusal.tsx';
import { hostTime } from './TimingDetails.tsx';

/**
 * Transponders the loop read that are on no one's start list entry, each with "Assign to #…":
 * the venue trick (ask the skater to cross the loop, assign what it read) as `skater/edited`.
 */
export function UnknownTransponders({
  t,
  unknown,
  race,
  send,
}: {
  t: Translate;
  unknown: readonly UnknownTransponder[];
  /** The race timing follows (the active race), or null. */
  race: RaceView | null;
  send: SendRace;
}) {
  const [chosen, setChosen] = useState<Readonly<Record<string, number>>>({});
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const assign = async (transponder: string, bib: number) => {
    const outcome = await send({ commands: [{ type: 'skater/edited', bib, transponder }] });
    setError(outcome.ok ? null : outcome.error);
    setDone(outcome.ok ? t('timing.assigned', { transponder, bib }) : null);
  };
  const skaters = race?.state.skaters ?? [];
  return (
    <section className="timing-unknown" aria-labelledby="timing-unknown-heading">
      <h3 id="timing-unknown-heading">{t('timing.unknown')}</h3>
      <p className="muted">{t('timing.unknownHelp')}</p>
      {unknown.length === 0 ? (
        <p className="muted">{t('timing.noUnknown')}</p>
      ) : (
        <ul className="unknown-list" data-testid="unknown-transponders">
          {unknown.map((seen) => {
            const bib = chosen[seen.transponder];
            const label = t('timing.assignTo', { transponder: seen.transponder });
            return (
              <li key={seen.transponder} className="row" data-transponder={seen.transponder}>
                <strong className="transponder">{seen.transponder}</strong>{' '}
                <span className="muted">
                  {t(seen.passings === 1 ? 'timing.unknownSeenOne' : 'timing.unknownSeen', {
                    passings: seen.passings,
                    time: hostTime(seen.lastAt),
                  })}
                </span>
                <label>
                  {label}{' '}
                  <select
                    value={bib ?? ''}
                    aria-label={label}
                    onChange={(event) =>
                      setChosen((all) => ({
                        ...all,
                        [seen.transponder]: Number(event.target.value),
                      }))
                    }
                  >
                    <option value="">{t('timing.chooseBib')}</option>
                    {skaters.map((skater) => (
                      <option key={skater.bib} value={skater.bib}>
                        {skater.bib} {skater.name}
                        {skater.transponder ? ` (${skater.transponder})` : ''}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="small"
                  disabled={bib === undefined || !race}
                  onClick={() => bib !== undefined && void assign(seen.transponder, bib)}
                >
                  {t('timing.assign')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <Refusal t={t} error={error} testId="timing-assign-refusal" />
    </section>
  );
}
