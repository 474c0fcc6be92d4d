import { useState } from 'react';
import type { Translate } from '../labels/i18n.ts';
import type { SendProgram } from '../host/use-host.ts';
import { Refusal } from '../ui/Refusal.tsx';

/** Adds a race to the program: title, category, round, qualifiers, format. */
export function AddRaceForm({ t, send }: { t: Translate; send: SendProgram }) {
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [round, setRound] = useState<'semi' | 'final'>('semi');
  const [qualifiers, setQualifiers] = useState(8);
  const [format, setFormat] = useState<'isu-2018' | 'isu-2014'>('isu-2018');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const outcome = await send({
      type: 'race/added',
      title,
      category,
      round,
      qualifiers: round === 'semi' ? qualifiers : 0,
      format,
    });
    setError(outcome.ok ? null : outcome.error);
    if (outcome.ok) setTitle('');
  };
  return (
    <form
      className="form-grid"
      aria-labelledby="add-race-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="add-race-heading">{t('addRace')}</h3>
      <label>
        {t('title')}
        <input
          type="text"
          required
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="Men · Mass Start · Semi-final 1"
        />
      </label>
      <label>
        {t('category')}
        <input
          type="text"
          value={category}
          onChange={(event) => setCategory(event.target.value)}
          placeholder="Men"
        />
      </label>
      <label>
        {t('round')}
        <select
          value={round}
          onChange={(event) => setRound(event.target.value === 'final' ? 'final' : 'semi')}
        >
          <option value="semi">{t('round.semi')}</option>
          <option value="final">{t('round.final')}</option>
        </select>
      </label>
      <label>
        {t('qualifiers')}
        <input
          type="number"
          min={0}
          max={100}
          disabled={round !== 'semi'}
          value={qualifiers}
          onChange={(event) => setQualifiers(Number(event.target.value))}
        />
      </label>
      <label>
        {t('format')}
        <select
          value={format}
          onChange={(event) =>
            setFormat(event.target.value === 'isu-2014' ? 'isu-2014' : 'isu-2018')
          }
        >
          <option value="isu-2018">{t('format.isu-2018')}</option>
          <option value="isu-2014">{t('format.isu-2014')}</option>
        </select>
      </label>
      <button type="submit" className="primary">
        {t('add')}
      </button>
      <Refusal t={t} error={error} testId="add-race-refusal" />
    </form>
  );
}
