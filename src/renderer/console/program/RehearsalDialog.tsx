import { useState } from 'react';
import type { ProgramCommand } from '../../../shared/protocol/program.ts';
import { Dialog } from '../ui/Dialog.tsx';
import type { Translate } from '../labels/i18n.ts';
import { recordedSemiFinal } from './recording.ts';
import { Refusal } from '../ui/Refusal.tsx';
import type { SendProgram } from '../host/use-host.ts';

const speeds = [1, 5, 10, 20, 50];

/** Starts (or stops) a rehearsal: the recorded semi-final replayed by the host at a chosen speed. */
export function RehearsalDialog({
  t,
  send,
  onClose,
}: {
  t: Translate;
  send: SendProgram;
  onClose: () => void;
}) {
  const [speed, setSpeed] = useState(10);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState(false);
  const start = async () => {
    // The recording is checked by the host (journal entry schema, then a dry run) before anything changes.
    const command = {
      type: 'rehearsal/started',
      recording: recordedSemiFinal(),
      speed,
      onBoards: true,
    } as ProgramCommand;
    const outcome = await send(command);
    setError(outcome.ok ? null : outcome.error);
    setStarted(outcome.ok);
  };
  const stop = async () => {
    const outcome = await send({ type: 'rehearsal/stopped' });
    setError(outcome.ok ? null : outcome.error);
    if (outcome.ok) setStarted(false);
  };
  return (
    <Dialog title={t('rehearsal')} onClose={onClose} testId="rehearsal-dialog">
      <p>{t('rehearsalText')}</p>
      <label className="inline">
        {t('speed')}{' '}
        <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
          {speeds.map((value) => (
            <option key={value} value={value}>
              {value}×
            </option>
          ))}
        </select>
      </label>
      {started && <p className="ok">{t('rehearsalStarted', { speed })}</p>}
      <Refusal t={t} error={error} testId="rehearsal-refusal" />
      <div className="dialog-buttons">
        <button type="button" className="primary" data-autofocus onClick={() => void start()}>
          {t('startRehearsal')}
        </button>
        <button type="button" onClick={() => void stop()}>
          {t('stopRehearsal')}
        </button>
        <button type="button" onClick={onClose}>
          {t('key.close')}
        </button>
      </div>
    </Dialog>
  );
}
