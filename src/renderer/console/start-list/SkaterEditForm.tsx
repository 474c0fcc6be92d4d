import { useState } from 'react';
import type { NameOrder, Skater } from '../../../shared/race/events.ts';
import { composeName, defaultNameOrder, nameOrderOf } from '../../../shared/race/skater-name.ts';
import type { Translate } from '../labels/i18n.ts';

const nameOrders: readonly NameOrder[] = ['given-first', 'family-first'];

/**
 * The order the form starts with: the skater's; for a skater without name parts yet, the
 * order of the nation (so a Korean skater's parts come out "Chung Jae-won").
 */
function startingOrder(skater: Skater): NameOrder {
  if (skater.nameOrder !== undefined || (skater.firstName && skater.lastName))
    return nameOrderOf(skater);
  return defaultNameOrder(skater.nation);
}

/**
 * Edits one skater: given and family name and their order (issue 19; with both, the name as
 * shown follows from them), or the whole name of a skater without them; nation, transponder.
 * Enter saves (from the order list too), Escape cancels. Only the name parts the skater has or
 * the operator gives are sent.
 */
export function SkaterEditForm({
  t,
  skater,
  onSave,
  onCancel,
}: {
  t: Translate;
  skater: Skater;
  onSave: (changes: Partial<Skater>) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(skater.name);
  const [given, setGiven] = useState(skater.firstName ?? '');
  const [family, setFamily] = useState(skater.lastName ?? '');
  const [order, setOrder] = useState(() => startingOrder(skater));
  const [nation, setNation] = useState(skater.nation);
  const [transponder, setTransponder] = useState(skater.transponder ?? '');
  const parts = given.trim() !== '' && family.trim() !== '';
  const shown = parts ? composeName(given.trim(), family.trim(), order) : name;
  const nameChanges = (): Partial<Skater> => ({
    name: shown,
    ...(given.trim() || skater.firstName !== undefined ? { firstName: given } : {}),
    ...(family.trim() || skater.lastName !== undefined ? { lastName: family } : {}),
    ...(parts || skater.nameOrder !== undefined ? { nameOrder: order } : {}),
  });
  const noteId = `name-note-${skater.bib}`;
  return (
    <form
      className="row edit-skater"
      aria-label={`${t('edit')} ${skater.bib}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ ...nameChanges(), nation, ...(transponder.trim() ? { transponder } : {}) });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
        // Enter saves from the order list too, as it does from every text field.
        if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <span className="bib">{skater.bib}</span>
      <label>
        {t('name')}{' '}
        <input
          type="text"
          autoFocus={!parts}
          value={shown}
          // With both parts the name follows from them: change the parts or the order.
          readOnly={parts}
          aria-describedby={noteId}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label>
        {t('names.given')}{' '}
        <input
          type="text"
          size={12}
          autoFocus={parts}
          value={given}
          onChange={(event) => setGiven(event.target.value)}
        />
      </label>
      <label>
        {t('names.family')}{' '}
        <input
          type="text"
          size={12}
          value={family}
          onChange={(event) => setFamily(event.target.value)}
        />
      </label>
      <label>
        {t('names.order')}{' '}
        <select value={order} onChange={(event) => setOrder(event.target.value as NameOrder)}>
          {nameOrders.map((value) => (
            <option key={value} value={value}>
              {t(`names.order.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <span id={noteId} className="muted">
        {family.trim() ? '' : t('names.noFamily')}
      </span>
      <label>
        {t('nation')}{' '}
        <input
          type="text"
          size={4}
          value={nation}
          onChange={(event) => setNation(event.target.value)}
        />
      </label>
      <label>
        {t('transponder')}{' '}
        <input
          type="text"
          size={8}
          value={transponder}
          onChange={(event) => setTransponder(event.target.value)}
        />
      </label>
      <button type="submit" className="primary small">
        {t('save')}
      </button>
      <button type="button" className="small" onClick={onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}
