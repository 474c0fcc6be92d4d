import type { LapTimesModel } from '../model/lap-times.ts';

/** Lap times per skater in race order: the last lap marked, the laps each led marked. */
export function LapTimesPanel({ model }: { model: LapTimesModel }) {
  return (
    <section className="panel lap-times" aria-labelledby="lap-times-heading">
      <h2 id="lap-times-heading">Lap times</h2>
      {model.rows.length === 0 ? (
        <p className="muted">Lap times come from the loop: none yet.</p>
      ) : (
        <div className="scroll">
          <table data-testid="lap-times">
            <thead>
              <tr>
                <th className="num">Pos</th>
                <th className="num">Bib</th>
                <th className="name">Name</th>
                <th className="num">Gap</th>
                {model.laps.map((lap) => (
                  <th key={lap} className="num lap">
                    {lap}
                  </th>
                ))}
              </tr>
              <tr className="leader-row" data-testid="leader-laps">
                <th colSpan={4} className="name">
                  Race lap · leader
                </th>
                {model.leader.map((cell, index) => (
                  <th key={index} className="num lap">
                    {cell.text}
                    {cell.bib && <small>{cell.bib}</small>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.rows.map((row) => (
                <tr key={row.bib} data-bib={row.bib} className={row.lapped ? 'lapped' : undefined}>
                  <td className="num">{row.position}</td>
                  <td className="num bib">{row.bib}</td>
                  <td className="name">{row.name}</td>
                  <td className="num gap">{row.gap}</td>
                  {row.cells.map((cell, index) => (
                    <td
                      key={index}
                      className={`num lap${cell.last ? ' last' : ''}${cell.led ? ' led' : ''}`}
                    >
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
