import { useState } from 'react';
import type { Skater } from '../../../shared/race/events.ts';
import type { Translate } from '../labels/i18n.ts';

/** Edits one skater's name, nation and transponder; Escape cancels. */
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
  const [nation, setNation] = useState(skater.nation);
  const [transponder, setTransponder] = useState(skater.transponder ?? '');
  return (
    <form
      className="row edit-skater"
      aria-label={`${t('edit')} ${skater.bib}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ name, nation, ...(transponder.trim() ? { transponder } : {}) });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <span className="bib">{skater.bib}</span>
      <label>
        {t('name')}{' '}
        <input
          type="text"
          autoFocus
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
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
