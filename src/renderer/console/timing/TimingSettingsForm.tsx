import { useState } from 'react';
import type { ProgramCommand } from '../../../shared/protocol/program.ts';
import { timingUrlSchema, type TimingSettings } from '../../../shared/timing/settings.ts';
import type { SendProgram } from '../host/use-host.ts';
import type { Translate } from '../labels/i18n.ts';
import { Refusal } from '../ui/Refusal.tsx';

/** Seconds typed ("20", "0,5"), or null when out of range. */
function secondsOf(text: string, min: number, max: number): number | null {
  const seconds = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(seconds) && seconds >= min && seconds <= max
    ? seconds
    : null;
}

/**
 * The meeting's timing settings: the decoder (checked before anything is sent), connect and
 * disconnect, auto laps, the minimum lap time. Every change sends the whole settings as this
 * console sees them (with the program revision: a change from elsewhere in between is refused).
 */
export function TimingSettingsForm({
  t,
  settings,
  send,
}: {
  t: Translate;
  settings: TimingSettings;
  send: SendProgram;
}) {
  const [url, setUrl] = useState(settings.url ?? '');
  const [minLap, setMinLap] = useState(String(settings.minLapSeconds));
  const [groupGap, setGroupGap] = useState(String(settings.groupGapSeconds));
  const [startSignal, setStartSignal] = useState(settings.startSignal ?? '');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const configure = async (changes: Partial<TimingSettings>) => {
    const command: ProgramCommand = { type: 'timing/configured', ...settings, ...changes };
    const outcome = await send(command);
    setRefusal(outcome.ok ? null : outcome.error);
  };
  const connect = () => {
    const parsed = timingUrlSchema.safeParse(url);
    if (!parsed.success) {
      setInvalid(t('timing.badUrl', { error: parsed.error.issues[0]?.message ?? url }));
      return;
    }
    setInvalid(null);
    setUrl(parsed.data);
    void configure({ url: parsed.data });
  };
  const applyMinLap = () => {
    const seconds = secondsOf(minLap, 0.05, 600);
    if (seconds === null) {
      setInvalid(t('timing.badMinLap'));
      return;
    }
    setInvalid(null);
    void configure({ minLapSeconds: seconds });
  };
  const applyGroupGap = () => {
    const seconds = secondsOf(groupGap, 0.1, 30);
    if (seconds === null) {
      setInvalid(t('timing.badGroupGap'));
      return;
    }
    setInvalid(null);
    void configure({ groupGapSeconds: seconds });
  };
  return (
    <div className="timing-settings">
      <form
        className="row"
        aria-label={t('timing.url')}
        onSubmit={(event) => {
          event.preventDefault();
          connect();
        }}
      >
        <label>
          {t('timing.url')}{' '}
          <input
            type="text"
            data-testid="timing-url"
            size={28}
            spellCheck={false}
            autoComplete="off"
            placeholder={t('timing.urlPlaceholder')}
            value={url}
            aria-invalid={invalid !== null}
            onChange={(event) => setUrl(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" data-testid="timing-connect">
          {t('timing.connect')}
        </button>
        <button
          type="button"
          data-testid="timing-disconnect"
          disabled={settings.url === null}
          onClick={() => void configure({ url: null })}
        >
          {t('timing.disconnect')}
        </button>
      </form>
      <p className="row">
        <button
          type="button"
          className="switch"
          data-testid="timing-auto-laps"
          aria-pressed={settings.autoLaps}
          onClick={() => void configure({ autoLaps: !settings.autoLaps })}
        >
          {t('timing.autoLapsSwitch')}:{' '}
          <strong>{t(settings.autoLaps ? 'timing.autoLapsOn' : 'timing.autoLapsOff')}</strong>
        </button>
      </p>
      <form
        className="row"
        aria-label={t('timing.minLap')}
        onSubmit={(event) => {
          event.preventDefault();
          applyMinLap();
        }}
      >
        <label>
          {t('timing.minLap')}{' '}
          <input
            type="text"
            inputMode="decimal"
            size={6}
            data-testid="timing-min-lap"
            value={minLap}
            onChange={(event) => setMinLap(event.target.value)}
          />
        </label>
        <button type="submit">{t('timing.apply')}</button>
        <span className="muted">{t('timing.minLapHelp')}</span>
      </form>
      <form
        className="row"
        aria-label={t('timing.groupGap')}
        onSubmit={(event) => {
          event.preventDefault();
          applyGroupGap();
        }}
      >
        <label>
          {t('timing.groupGap')}{' '}
          <input
            type="text"
            inputMode="decimal"
            size={6}
            data-testid="timing-group-gap"
            value={groupGap}
            onChange={(event) => setGroupGap(event.target.value)}
          />
        </label>
        <button type="submit">{t('timing.apply')}</button>
        <span className="muted">{t('timing.groupGapHelp')}</span>
      </form>
      <form
        className="row"
        aria-label={t('timing.startSignal')}
        onSubmit={(event) => {
          event.preventDefault();
          const code = startSignal.trim();
          void configure({ startSignal: code === '' ? null : code });
        }}
      >
        <label>
          {t('timing.startSignal')}{' '}
          <input
            type="text"
            size={8}
            spellCheck={false}
            autoComplete="off"
            data-testid="timing-start-signal"
            value={startSignal}
            onChange={(event) => setStartSignal(event.target.value)}
          />
        </label>
        <button type="submit">{t('timing.apply')}</button>
        <span className="muted">{t('timing.startSignalHelp')}</span>
      </form>
      {invalid && (
        <p className="refusal" role="alert" data-testid="timing-invalid">
          {invalid}
        </p>
      )}
      <Refusal t={t} error={refusal} testId="timing-refusal" />
    </div>
  );
}
