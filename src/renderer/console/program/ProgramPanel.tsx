import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { flushSync } from 'react-dom';
import type { ProgramCommand, ProgramView } from '../../../shared/protocol/program.ts';
import { AddRaceForm } from './AddRaceForm.tsx';
import { BuildFinalForm } from './BuildFinalForm.tsx';
import type { Translate } from '../labels/i18n.ts';
import type { SendProgram } from '../host/use-host.ts';
import { Refusal } from '../ui/Refusal.tsx';
import { meetingExportUrl } from './ExportLinks.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { RacesTable } from './RacesTable.tsx';
import { nextToActivate, type ProgramKeys } from './program-reach.ts';

/** Before the race: the meeting's facts, its races, the active one; add races; build a final. */
export function ProgramPanel({
  t,
  program,
  send,
  headingRef,
  keysRef,
  viewToken = null,
}: {
  t: Translate;
  program: ProgramView;
  send: SendProgram;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Where the Program keys (A, Shift+A) reach into the tab. */
  keysRef?: Ref<ProgramKeys>;
  /** For the export links (the host's API); null: export from the menu. */
  viewToken?: string | null;
}) {
  const [error, setError] = useState<string | null>(null);
  // Why Shift+A found no race to go to; cleared by the next key or action.
  const [notice, setNotice] = useState<string | null>(null);
  const racesTable = useRef<HTMLTableElement>(null);
  const addRaceTitle = useRef<HTMLInputElement>(null);
  const noticeLine = useRef<HTMLParagraphElement>(null);
  useImperativeHandle(keysRef, () => ({
    reach: (target) => {
      setNotice(null);
      if (target === 'addRace') {
        addRaceTitle.current?.focus();
        return;
      }
      const next = nextToActivate(program);
      const button = next
        ? racesTable.current?.querySelector<HTMLElement>(`[data-activate="${next}"]`)
        : null;
      if (button) {
        button.focus();
        return;
      }
      // No button to go to: the focus goes to the words that say why (read out as it lands).
      const only = program.races[0];
      flushSync(() =>
        setNotice(
          only ? t('program.onlyRace', { race: only.title }) : t('program.nothingToActivate'),
        ),
      );
      noticeLine.current?.focus();
    },
  }));
  const run = async (command: ProgramCommand) => {
    setNotice(null);
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
      <p className="muted">{t('program.activeHelp')}</p>
      <RacesTable
        t={t}
        program={program}
        tableRef={racesTable}
        viewToken={viewToken}
        run={(command) => void run(command)}
      />
      {viewToken && program.races.length > 0 && (
        <p>
          <a href={meetingExportUrl(viewToken)} download data-testid="export-meeting">
            {t('exportMeeting')}
          </a>
        </p>
      )}
      {notice && (
        <p
          className="form-problem"
          role="status"
          tabIndex={-1}
          ref={noticeLine}
          data-testid="program-notice"
        >
          {notice}
        </p>
      )}
      <Refusal t={t} error={error} testId="program-refusal" />
      <AddRaceForm t={t} send={send} program={program} titleRef={addRaceTitle} />
      <BuildFinalForm t={t} program={program} send={send} />
    </section>
  );
}
