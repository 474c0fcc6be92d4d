import type { CorrectionLine } from '../model/corrections.ts';

const kindWords: Record<CorrectionLine['kind'], string> = {
  undo: 'undo',
  redo: 'redo',
  correction: 'correction',
  decision: 'referee',
};

/** Corrections from the journal as they happen, newest first. */
export function CorrectionsPanel({ lines }: { lines: readonly CorrectionLine[] }) {
  return (
    <section className="panel corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and decisions</h2>
      <ol className="correction-list" data-testid="corrections">
        {lines.length === 0 && <li className="muted">None so far.</li>}
        {lines.map((line) => (
          <li key={line.seq} className={`${line.kind}${line.voided ? ' voided' : ''}`}>
            <time>{line.time}</time> <span className="kind">{kindWords[line.kind]}</span>{' '}
            {line.voided ? <del>{line.text}</del> : line.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
