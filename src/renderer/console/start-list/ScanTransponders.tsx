import { useRef, useState } from 'react';
import type { Reply } from '../../../shared/protocol/reply.ts';
import type { Skater } from '../../../shared/race/events.ts';
import type { Translate } from '../labels/i18n.ts';
import { Refusal } from '../ui/Refusal.tsx';

/** The skater who already wears a transponder (case and spaces aside), other than `bib`. */
export function wearer(
  skaters: readonly Skater[],
  worn: (skater: Skater) => string | undefined,
  code: string,
  bib: number,
): Skater | null {
  const wanted = code.trim().toLowerCase();
  return (
    skaters.find((other) => other.bib !== bib && worn(other)?.trim().toLowerCase() === wanted) ??
    null
  );
}

/**
 * "Scan transponders" (issue 12): walks the start list in order, one field focused. A USB
 * scanner types the code and Enter (or the operator does): `skater/edited` with the
 * transponder, then the next skater. Enter on an empty field skips; Esc stops. A transponder
 * another skater already wears is refused here, naming that skater.
 */
export function ScanTransponders({
  t,
  skaters,
  save,
  onClose,
}: {
  t: Translate;
  skaters: readonly Skater[];
  save: (bib: number, transponder: string) => Promise<Reply>;
  /** The walk ended (Esc, Stop, or past the last skater), with how many were saved. */
  onClose: (saved: number) => void;
}) {
  const [index, setIndex] = useState(0);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Saved during this walk: newer than the start list as last pushed.
  const [saved, setSaved] = useState<Readonly<Record<number, string>>>({});
  const inputRef = useRef<HTMLInputElement>(null);
  const skater = skaters[index];
  if (!skater) return null;
  const worn = (other: Skater) => saved[other.bib] ?? other.transponder;
  const savedCount = (all: Readonly<Record<number, string>>) => Object.keys(all).length;

  const next = (all: Readonly<Record<number, string>>) => {
    setCode('');
    setError(null);
    if (index + 1 >= skaters.length) onClose(savedCount(all));
    else setIndex(index + 1);
  };
  const submit = async () => {
    if (busy) return;
    const value = code.trim();
    if (value === '' || value === worn(skater)) return next(saved);
    const other = wearer(skaters, worn, value, skater.bib);
    if (other) {
      setError(t('scan.duplicate', { code: value, bib: other.bib, name: other.name }));
      inputRef.current?.select();
      return;
    }
    setBusy(true);
    const outcome = await save(skater.bib, value);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error);
      inputRef.current?.select();
      return;
    }
    const all = { ...saved, [skater.bib]: value };
    setSaved(all);
    next(all);
  };
  const label = t('scan.field', { bib: skater.bib, name: skater.name });
  const current = worn(skater);
  return (
    <section className="scan" aria-labelledby="scan-heading" data-testid="scan">
      <h3 id="scan-heading">{t('scan.title', { index: index + 1, count: skaters.length })}</h3>
      <p className="muted">{t('scan.help')}</p>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          onClose(savedCount(saved));
        }}
      >
        <label>
          <span className="bib">{skater.bib}</span> {skater.name}{' '}
          <span className="nation">{skater.nation}</span>{' '}
          <input
            ref={inputRef}
            type="text"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            size={14}
            data-testid="scan-input"
            aria-label={label}
            aria-invalid={error !== null}
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setError(null);
            }}
          />
        </label>
        {current && <span className="muted">{t('scan.current', { code: current })}</span>}
        <button type="button" className="small" onClick={() => next(saved)}>
          {t('scan.skip')}
        </button>
        <button type="button" className="small" onClick={() => onClose(savedCount(saved))}>
          {t('scan.stop')}
        </button>
      </form>
      <Refusal t={t} error={error} testId="scan-refusal" />
    </section>
  );
}
