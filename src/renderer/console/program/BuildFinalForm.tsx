import { useRef, useState } from 'react';
import type { ProgramView } from '../../../shared/protocol/program.ts';
import type { Translate } from '../labels/i18n.ts';
import type { SendProgram } from '../host/use-host.ts';
import { Refusal } from '../ui/Refusal.tsx';
import { enterSubmits } from './form-keys.ts';
import { FormNote, type FormOutcome } from './FormNote.tsx';

/**
 * Builds a final from two semi-finals in one action (helmets 2k-1 / 2k by semi rank). Enter in
 * any field builds; the same semi chosen twice is said at once (issue 19, part 4).
 */
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
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const secondSemi = useRef<HTMLSelectElement>(null);
  const semi1 = first || semis[0]?.id || '';
  const semi2 = second || semis[1]?.id || '';
  const category = program.races.find((race) => race.id === semi1)?.category ?? '';
  const submit = async () => {
    setError(null);
    if (semi1 === semi2) {
      setOutcome({ kind: 'problem', text: t('buildFinal.problem.same') });
      secondSemi.current?.focus();
      return;
    }
    const built = title || `${category} · Final`.replace(/^ · /, '');
    const reply = await send({
      type: 'final/built',
      semis: [semi1, semi2],
      title: built,
      category,
    });
    setError(reply.ok ? null : reply.error);
    setOutcome(reply.ok ? { kind: 'done', text: t('buildFinal.built', { race: built }) } : null);
  };
  const edited = () => setOutcome(null);
  if (semis.length < 2) return null;
  return (
    <form
      className="form-grid"
      aria-labelledby="build-final-heading"
      data-testid="build-final-form"
      noValidate
      onKeyDown={enterSubmits}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="build-final-heading">{t('buildFinal')}</h3>
      <label>
        {t('semi1')}
        <select
          value={semi1}
          onChange={(event) => {
            edited();
            setFirst(event.target.value);
          }}
        >
          {semis.map((race) => (
            <option key={race.id} value={race.id}>
              {race.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('semi2')}
        <select
          ref={secondSemi}
          value={semi2}
          aria-invalid={outcome?.kind === 'problem'}
          aria-describedby={outcome?.kind === 'problem' ? 'build-final-note' : undefined}
          onChange={(event) => {
            edited();
            setSecond(event.target.value);
          }}
        >
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
          onChange={(event) => {
            edited();
            setTitle(event.target.value);
          }}
          placeholder={`${category} · Final`}
        />
      </label>
      <button type="submit" className="primary">
        {t('build')}
      </button>
      <FormNote outcome={outcome} id="build-final-note" testId="build-final-note" />
      <Refusal t={t} error={error} testId="build-final-refusal" />
    </form>
  );
}
