import type { StandingsModel } from '../model/standings-rows.ts';

/** The standings: points per sprint, total, what each needs (a semi), the gap on the ice. */
export function StandingsPanel({ model }: { model: StandingsModel }) {
  return (
    <section className="panel standings" aria-labelledby="standings-heading">
      <h2 id="standings-heading">{model.heading}</h2>
      <table data-testid="standings">
        <thead>
          <tr>
            <th className="num">#</th>
            <th className="num">Bib</th>
            <th className="name">Name</th>
            <th>Nat</th>
            {model.sprintColumns.map((column) => (
              <th key={column} className="num">
                {column}
              </th>
            ))}
            <th className="num">Fin</th>
            <th className="num total">Pts</th>
            {model.needs && <th className="need">Needs</th>}
            <th className="num">Gap</th>
            <th className="num">Grp</th>
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row, index) => (
            <tr
              key={row.bib}
              data-bib={row.bib}
              className={index + 1 === model.qualificationLine ? 'line-under' : undefined}
            >
              <td className="num">{row.rank}</td>
              <td className="num bib">{row.bib}</td>
              <td className="name">
                {row.name}
                {row.status && <span className="status-tag"> {row.status}</span>}
              </td>
              <td className="nation">{row.nation}</td>
              {row.sprints.map((points, sprint) => (
                <td key={sprint} className="num">
                  {points}
                </td>
              ))}
              <td className="num">{row.final}</td>
              <td className="num total">{row.total}</td>
              {model.needs && (
                <td className={`need ${row.need.tone}`} data-testid="need">
                  {row.need.text}
                </td>
              )}
              <td className="num gap">{row.gap}</td>
              <td className="num">{row.group ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
