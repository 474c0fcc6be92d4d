import type { Ref } from 'react';
import type { ProgramView } from '../../../shared/protocol/program.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import type { SendProgram, SendRace } from '../host/use-host.ts';
import type { Translate } from '../labels/i18n.ts';
import { PassingsTable } from './PassingsTable.tsx';
import { TimingDetails } from './TimingDetails.tsx';
import { TimingSettingsForm } from './TimingSettingsForm.tsx';
import { stillUnknown, type TimingFeed } from './timing-text.ts';
import { UnknownTransponders } from './UnknownTransponders.tsx';

/**
 * The timing feed of the meeting (issue 12): the decoder and its settings, what the host counts
 * of the feed, unknown transponders to assign, and the latest passings.
 */
export function TimingPanel({
  t,
  feed,
  program,
  race,
  sendProgram,
  sendRace,
  headingRef,
}: {
  t: Translate;
  feed: TimingFeed | null;
  program: ProgramView;
  race: RaceView | null;
  sendProgram: SendProgram;
  sendRace: SendRace;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const view = feed?.view ?? null;
  // Assignments go to the race timing follows, which is the race on screen (the active race).
  const followed = view && race && view.raceId === race.id ? race : null;
  return (
    <section className="panel timing" aria-labelledby="timing-heading">
      <h2 id="timing-heading" ref={headingRef} tabIndex={-1}>
        {t('timing.title')}
      </h2>
      <TimingSettingsForm t={t} settings={program.timing} send={sendProgram} />
      {view ? (
        <>
          <TimingDetails t={t} view={view} />
          {view.raceId !== null && race && view.raceId !== race.id && (
            <p className="muted">{t('timing.otherRace')}</p>
          )}
          <UnknownTransponders
            t={t}
            unknown={stillUnknown(view.status.unknown, followed)}
            race={followed}
            send={sendRace}
          />
          <PassingsTable t={t} recent={view.recent} race={followed} />
        </>
      ) : (
        <p className="muted">{t('timing.noView')}</p>
      )}
    </section>
  );
}
