import { useRef, useState, type RefObject } from 'react';
import type { ProgramView } from '../../../shared/protocol/program.ts';
import type { Translate } from '../labels/i18n.ts';
import type { SendProgram } from '../host/use-host.ts';
import { Refusal } from '../ui/Refusal.tsx';
import { addRaceProblem, type AddRaceProblem } from './add-race-check.ts';
import { enterSubmits } from './form-keys.ts';
import { FormNote, type FormOutcome } from './FormNote.tsx';

/**
 * Adds a race to the program: title, category, round, qualifiers, format. Enter in any field
 * adds; a field the host would refuse is named and focused instead (issue 19, part 4), and
 * what the program did with the race (active or not) is said once it is added.
 */
export function AddRaceForm({
  t,
  send,
  program,
  titleRef,
}: {
  t: Translate;
  send: SendProgram;
  /** The program as the race is added: the first race becomes active by itself, others not. */
  program: ProgramView;
  /** The Title field, which the A key focuses. */
  titleRef?: RefObject<HTMLInputElement | null>;
}) {
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [round, setRound] = useState<'semi' | 'final'>('semi');
  const [qualifiers, setQualifiers] = useState('8');
  const [format, setFormat] = useState<'isu-2018' | 'isu-2014'>('isu-2018');
  const [problem, setProblem] = useState<AddRaceProblem | null>(null);
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [error, setError] = useState<string | null>(null);
  const ownTitle = useRef<HTMLInputElement>(null);
  const titleInput = titleRef ?? ownTitle;
  const qualifiersInput = useRef<HTMLInputElement>(null);
  const final = round === 'final';

  const edited = () => {
    setProblem(null);
    setOutcome(null);
  };
  const submit = async () => {
    const found = addRaceProblem({ title, round, qualifiers });
    setProblem(found);
    setError(null);
    if (found) {
      setOutcome({ kind: 'problem', text: t(found.label, found.params) });
      (found.field === 'title' ? titleInput : qualifiersInput).current?.focus();
      return;
    }
    const active = program.races.find((race) => race.id === program.activeRaceId);
    const added = title.trim();
    const reply = await send({
      type: 'race/added',
      title,
      category,
      round,
      qualifiers: final ? 0 : Number(qualifiers),
      format,
    });
    setError(reply.ok ? null : reply.error);
    if (!reply.ok) {
      setOutcome(null);
      return;
    }
    setTitle('');
    setOutcome({
      kind: 'done',
      text: active
        ? t('addRace.addedInactive', { race: added, active: active.title })
        : t('addRace.addedActive', { race: added }),
    });
  };
  const invalid = (field: AddRaceProblem['field']) =>
    problem?.field === field
      ? { 'aria-invalid': true, 'aria-describedby': 'add-race-note' }
      : { 'aria-invalid': false };
  return (
    <form
      className="form-grid"
      aria-labelledby="add-race-heading"
      data-testid="add-race-form"
      noValidate
      onKeyDown={enterSubmits}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="add-race-heading">
        {t('addRace')} <kbd>A</kbd>
      </h3>
      <label>
        {t('title')}
        <input
          ref={titleInput}
          type="text"
          required
          aria-keyshortcuts="A"
          value={title}
          onChange={(event) => {
            edited();
            setTitle(event.target.value);
          }}
          placeholder="Men · Mass Start · Semi-final 1"
          {...invalid('title')}
        />
      </label>
      <label>
        {t('category')}
        <input
          type="text"
          value={category}
          onChange={(event) => {
            edited();
            setCategory(event.target.value);
          }}
          placeholder="Men"
        />
      </label>
      <label>
        {t('round')}
        <select
          value={round}
          onChange={(event) => {
            edited();
            setRound(event.target.value === 'final' ? 'final' : 'semi');
          }}
        >
          <option value="semi">{t('round.semi')}</option>
          <option value="final">{t('round.final')}</option>
        </select>
      </label>
      <label className={final ? 'qualifiers none' : 'qualifiers'}>
        {t('qualifiers')}
        {final ? (
          // A final has no qualifiers: the box says so instead of keeping the semi's 8.
          <input type="text" disabled value="—" data-testid="qualifiers-none" />
        ) : (
          <input
            ref={qualifiersInput}
            // Text, not number: the form can then say what was typed ("8x" is not a number).
            type="text"
            inputMode="numeric"
            value={qualifiers}
            onChange={(event) => {
              edited();
              setQualifiers(event.target.value);
            }}
            {...invalid('qualifiers')}
          />
        )}
        {final && <span className="field-note">{t('addRace.noQualifiers')}</span>}
      </label>
      <label>
        {t('format')}
        <select
          value={format}
          onChange={(event) => {
            edited();
            setFormat(event.target.value === 'isu-2014' ? 'isu-2014' : 'isu-2018');
          }}
        >
          <option value="isu-2018">{t('format.isu-2018')}</option>
          <option value="isu-2014">{t('format.isu-2014')}</option>
        </select>
      </label>
      <button type="submit" className="primary">
        {t('add')}
      </button>
      <FormNote outcome={outcome} id="add-race-note" testId="add-race-note" />
      <Refusal t={t} error={error} testId="add-race-refusal" />
    </form>
  );
}
