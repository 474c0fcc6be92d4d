import type { GroupsModel } from '../model/group-lines.ts';

/** Groups and gaps from the loop: the breakaway, each group from the front, the lapped. */
export function GroupsPanel({ model }: { model: GroupsModel }) {
  return (
    <section className="panel groups" aria-labelledby="groups-heading" data-state={model.state}>
      <h2 id="groups-heading">Groups and gaps</h2>
      {model.breakaway && (
        <p className={`breakaway ${model.breakaway.trend}`} data-testid="breakaway">
          {model.breakaway.text}
        </p>
      )}
      {model.state === 'none' && <p className="muted">{model.note}</p>}
      {model.state === 'waiting' && (
        <p className="muted">Waiting for the leader’s first lap across the line.</p>
      )}
      {model.groups.length > 0 && (
        <ol className="group-list" data-testid="groups">
          {model.groups.map((group) => (
            <li key={group.number} className={group.away ? 'away' : undefined}>
              <span className="group-number">{group.number}</span>
              <span className="helmets">
                {group.helmets.map((helmet) => (
                  <span key={helmet.bib} className="helmet" title={helmet.name}>
                    <b>{helmet.bib}</b>
                    {group.helmets.length <= 4 && <small> {helmet.name}</small>}
                  </span>
                ))}
              </span>
              <span className="group-gap">{group.gap}</span>
              <span className="group-metres muted">{group.metres}</span>
            </li>
          ))}
        </ol>
      )}
      {model.lapped.length > 0 && (
        <p className="lapped" data-testid="lapped">
          Lapped: {model.lapped.join(' · ')}
        </p>
      )}
      {model.state !== 'none' && <p className="note muted">{model.note}</p>}
    </section>
  );
}
