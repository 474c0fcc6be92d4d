import { useMemo, useState } from 'react';
import { parseStartList } from '../../../shared/startlist/parse.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import type { Translate } from '../labels/i18n.ts';
import { Refusal } from '../ui/Refusal.tsx';
import { SkaterName } from './SkaterName.tsx';
import type { SendRace } from '../host/use-host.ts';

/**
 * Imports a start list from a file (CSV or JSON) or pasted text. Every problem is listed with
 * its line before anything is saved; Save sends the whole list in one command.
 */
export function StartListImport({
  t,
  race,
  send,
}: {
  t: Translate;
  race: RaceView;
  send: SendRace;
}) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const result = useMemo(
    () => (text.trim() ? parseStartList(text, fileName) : null),
    [text, fileName],
  );

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    setSaved(false);
    setError(null);
  };
  const save = async () => {
    if (!result?.ok) return;
    const outcome = await send({
      commands: [{ type: 'startList/set', skaters: result.skaters }],
      revision: race.revision,
    });
    setError(outcome.ok ? null : outcome.error);
    if (outcome.ok) {
      setText('');
      setFileName(undefined);
      setSaved(true);
    }
  };
  return (
    <div className="import" aria-labelledby="import-heading">
      <h3 id="import-heading">{t('importStartList')}</h3>
      <label className="file">
        {t('chooseFile')}{' '}
        <input
          type="file"
          accept=".csv,.json,.txt,.tsv,text/csv,application/json"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
      </label>
      <label className="paste">
        {t('pasteHere')}
        <textarea
          rows={6}
          value={text}
          spellCheck={false}
          data-testid="startlist-paste"
          onChange={(event) => {
            setText(event.target.value);
            setFileName(undefined);
            setSaved(false);
            setError(null);
          }}
        />
      </label>
      {result && !result.ok && (
        <div className="import-problems" role="status" data-testid="startlist-problems">
          <p className="refusal">{t('problemsFound', { count: result.problems.length })}</p>
          <ul>
            {result.problems.map((problem, index) => (
              <li key={index}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      {result?.ok && (
        <div className="import-preview" data-testid="startlist-preview">
          <p>{t('readyToSave', { count: result.skaters.length })}</p>
          {result.warnings.length > 0 && (
            <ul className="import-warnings" role="status" data-testid="startlist-warnings">
              {result.warnings.map((warning, index) => (
                <li key={index}>{warning.message}</li>
              ))}
            </ul>
          )}
          <ol className="preview-list">
            {result.skaters.map((skater) => (
              <li key={skater.bib}>
                <span className="bib">{skater.bib}</span> <SkaterName skater={skater} />{' '}
                <span className="nation">{skater.nation}</span>
              </li>
            ))}
          </ol>
          <button type="button" className="primary" onClick={() => void save()}>
            {t('saveStartList')}
          </button>
        </div>
      )}
      {saved && <p className="ok">✓ {t('done')}</p>}
      <Refusal t={t} error={error} testId="startlist-refusal" />
    </div>
  );
}
