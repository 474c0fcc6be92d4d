import { useState, type Ref } from 'react';
import type { ProgramCommand, ProgramView } from '../../../shared/protocol/program.ts';
import { AddRaceForm } from './AddRaceForm.tsx';
import { BuildFinalForm } from './BuildFinalForm.tsx';
import type { Translate } from '../labels/i18n.ts';
import type { SendProgram } from '../host/use-host.ts';
import { Refusal } from '../ui/Refusal.tsx';
import { ExportLinks, meetingExportUrl } from './ExportLinks.tsx';
import { MeetingForm } from './MeetingForm.tsx';

/** Before the race: the meeting's facts, its races, the active one; add races; build a final. */
export function ProgramPanel({
  t,
  program,
  send,
  headingRef,
  viewToken = null,
}: {
  t: Translate;
  program: ProgramView;
  send: SendProgram;
  headingRef?: Ref<HTMLHeadingElement>;
  /** For the export links (the host's API); null: export from the menu. */
  viewToken?: string | null;
}) {
  const [error, setError] = useState<string | null>(null);
  // Removing a race asks once, in its own row (a rehearsal race, a race added by mistake).
  const [removing, setRemoving] = useState<string | null>(null);
  const run = async (command: ProgramCommand) => {
    const outcome = await send(command);
    setError(outcome.ok ? null : outcome.error);
  };
  return (
    <section className="panel program" aria-labelledby="program-heading">
      <h2 id="program-heading" ref={headingRef} tabIndex={-1}>
        {t('program')}
      </h2>
      <MeetingForm t={t} program={program} send={send} />
      <h3>{t('races')}</h3>
      <table className="races" data-testid="races">
        <thead>
          <tr>
            <th scope="col">{t('title')}</th>
            <th scope="col">{t('category')}</th>
            <th scope="col">{t('round')}</th>
            <th scope="col">{t('phase')}</th>
            <th scope="col">
              <span className="sr-only">{t('activate')}</span>
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
                      onClick={() => void run({ type: 'race/activated', raceId: race.id })}
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
                          void run({ type: 'race/removed', raceId: race.id });
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
      {viewToken && program.races.length > 0 && (
        <p>
          <a href={meetingExportUrl(viewToken)} download data-testid="export-meeting">
            {t('exportMeeting')}
          </a>
        </p>
      )}
      <Refusal t={t} error={error} testId="program-refusal" />
      <AddRaceForm t={t} send={send} />
      <BuildFinalForm t={t} program={program} send={send} />
    </section>
  );
}

function phaseKey(
  phase: string,
): 'phase.start' | 'phase.live' | 'phase.finishing' | 'phase.final' | 'phase.official' {
  return phase === 'live' || phase === 'finishing' || phase === 'final' || phase === 'official'
    ? `phase.${phase}`
    : 'phase.start';
}
