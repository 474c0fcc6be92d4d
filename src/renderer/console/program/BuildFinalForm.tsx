import { useState } from 'react';
import type { ProgramView } from '../../../shared/protocol/program.ts';
import type { Translate } from '../labels/i18n.ts';
import type { SendProgram } from '../host/use-host.ts';
import { Refusal } from '../ui/Refusal.tsx';

/** Builds a final from two semi-finals in one action (helmets 2k-1 / 2k by semi rank). */
export function BuildFinalForm({
  t,
  program,
  send,
}: {
  t: Translate;
  program: ProgramView;
  send: SendProgram;
}) {
  const semis = program.races.filter((race) => race.round === 'semi');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const semi1 = first || semis[0]?.id || '';
  const semi2 = second || semis[1]?.id || '';
  const category = program.races.find((race) => race.id === semi1)?.category ?? '';
  const submit = async () => {
    const outcome = await send({
      type: 'final/built',
      semis: [semi1, semi2],
      title: title || `${category} · Final`.replace(/^ · /, ''),
      category,
    });
    setError(outcome.ok ? null : outcome.error);
  };
  if (semis.length < 2) return null;
  return (
    <form
      className="form-grid"
      aria-labelledby="build-final-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="build-final-heading">{t('buildFinal')}</h3>
      <label>
        {t('semi1')}
        <select value={semi1} onChange={(event) => setFirst(event.target.value)}>
          {semis.map((race) => (
            <option key={race.id} value={race.id}>
              {race.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('semi2')}
        <select value={semi2} onChange={(event) => setSecond(event.target.value)}>
          {semis.map((race) => (
            <option key={race.id} value={race.id}>
              {race.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('title')}
        <input
          type="text"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder={`${category} · Final`}
        />
      </label>
      <button type="submit" className="primary">
        {t('build')}
      </button>
      <Refusal t={t} error={error} testId="build-final-refusal" />
    </form>
  );
}
