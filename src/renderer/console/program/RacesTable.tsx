import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { ProgramCommand, ProgramView } from '../../../shared/protocol/program.ts';
import type { Translate } from '../labels/i18n.ts';
import { ExportLinks } from './ExportLinks.tsx';

/** ↑ and ↓ on an Activate button go to the previous or next race's (issue 19, part 4). */
function moveBetweenActivates(event: KeyboardEvent<HTMLTableElement>): void {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const from = event.target;
  if (!(from instanceof HTMLElement) || from.dataset.activate === undefined) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-activate]')];
  const to = buttons[buttons.indexOf(from) + (event.key === 'ArrowUp' ? -1 : 1)];
  event.preventDefault();
  to?.focus();
}

/**
 * The program's races: each one's phase, its Activate button (Shift+A goes to the next race's;
 * ↑ ↓ between them), its exports, and Remove, which asks once in its own row (a rehearsal race,
 * a race added by mistake).
 */
export function RacesTable({
  t,
  program,
  tableRef,
  viewToken,
  run,
}: {
  t: Translate;
  program: ProgramView;
  /** The table, where the Program keys find the Activate buttons. */
  tableRef: RefObject<HTMLTableElement | null>;
  viewToken: string | null;
  run: (command: ProgramCommand) => void;
}) {
  const [removing, setRemoving] = useState<string | null>(null);
  return (
    <table className="races" data-testid="races" ref={tableRef} onKeyDown={moveBetweenActivates}>
      <thead>
        <tr>
          <th scope="col">{t('title')}</th>
          <th scope="col">{t('category')}</th>
          <th scope="col">{t('round')}</th>
          <th scope="col">{t('phase')}</th>
          <th scope="col">
            <span className="sr-only">{t('activate')}</span> <kbd>Shift+A</kbd>
          </th>
          <th scope="col">{t('export')}</th>
          <th scope="col">
            <span className="sr-only">{t('removeRace')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {program.races.map((race) => {
          const active = race.id === program.activeRaceId;
          return (
            <tr key={race.id} className={active ? 'active' : undefined}>
              <td>
                {race.title}{' '}
                <span className="muted">({t('skatersCount', { count: race.skaters })})</span>
              </td>
              <td>{race.category}</td>
              <td>{t(`round.${race.round}`)}</td>
              <td>{t(phaseKey(race.phase))}</td>
              <td>
                {active ? (
                  <strong className="tag">{t('active')}</strong>
                ) : (
                  <button
                    type="button"
                    className="small"
                    data-activate={race.id}
                    aria-keyshortcuts="Shift+A"
                    onClick={() => run({ type: 'race/activated', raceId: race.id })}
                  >
                    {t('activate')}
                  </button>
                )}
              </td>
              <td>
                <ExportLinks t={t} raceId={race.id} viewToken={viewToken} />
              </td>
              <td>
                {removing === race.id ? (
                  <span className="confirm-remove" role="group">
                    {t('removeQuestion', { race: race.title })}{' '}
                    <button
                      type="button"
                      className="small danger"
                      data-testid={`remove-yes-${race.id}`}
                      onClick={() => {
                        setRemoving(null);
                        run({ type: 'race/removed', raceId: race.id });
                      }}
                    >
                      {t('yes')}
                    </button>{' '}
                    <button type="button" className="small" onClick={() => setRemoving(null)}>
                      {t('cancel')}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="small"
                    data-testid={`remove-${race.id}`}
                    onClick={() => setRemoving(race.id)}
                  >
                    {t('removeRace')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function phaseKey(
  phase: string,
): 'phase.start' | 'phase.live' | 'phase.finishing' | 'phase.final' | 'phase.official' {
  return phase === 'live' || phase === 'finishing' || phase === 'final' || phase === 'official'
    ? `phase.${phase}`
    : 'phase.start';
}
