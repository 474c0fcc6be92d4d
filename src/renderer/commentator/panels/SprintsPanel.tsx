import type { SprintLine } from '../model/sprint-history.ts';

const stateWords: Record<SprintLine['state'], string> = {
  done: '',
  running: 'this lap',
  due: 'placings to come',
  coming: '',
};

/** Every sprint with its placings and points, then the finish. */
export function SprintsPanel({ lines }: { lines: readonly SprintLine[] }) {
  return (
    <section className="panel sprints" aria-labelledby="sprints-heading">
      <h2 id="sprints-heading">Sprints and points</h2>
      <ol className="sprint-lines" data-testid="sprints">
        {lines.map((line) => (
          <li
            key={line.key}
            className={`sprint ${line.state}`}
            data-testid={`sprint-${line.key}`}
            data-state={line.state}
          >
            <div className="sprint-head">
              <b>{line.heading}</b> <span className="muted">{line.when}</span>
              {stateWords[line.state] && (
                <span className="sprint-state"> {stateWords[line.state]}</span>
              )}
            </div>
            {line.placings.length > 0 && (
              <ol className="placings">
                {line.placings.map((placing) => (
                  <li key={placing.place}>
                    <span className="place">{placing.place}.</span>
                    <b className="bib">{placing.bib}</b> {placing.name}
                    {placing.points && <span className="points"> {placing.points}</span>}
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
