import type { Standing, Standings } from '../../shared/race/standings.ts';
import { formatRaceTime } from '../../shared/text.ts';

/** The JSON the CLI prints with --json (README, "massstart standings"). */
export function standingsJson(standings: Standings): unknown {
  return {
    standings: standings.rows.map((row) => ({
      rank: row.rank,
      bib: row.bib,
      name: row.name,
      nation: row.nation,
      sprints: row.sprints,
      final: row.final,
      total: row.total,
      status: row.status,
      qualified: row.qualified,
      // Issue 18, appended: published fields never move.
      qualification: row.qualification,
      safeFinish: row.safeFinish,
    })),
  };
}

/** What an open or out skater of a running semi-final still needs, as the table prints it. */
function needs(row: Standing): string {
  if (row.qualification === 'out') return 'out';
  if (row.qualification !== 'open') return '';
  return row.safeFinish === null ? 'open' : `top ${row.safeFinish}`;
}

/**
 * A plain-text results table, with the qualification line drawn in a semi-final. A running
 * semi-final marks the skaters who are through whatever happens Q and adds a Needs column: the
 * finishing place that is sure to qualify ("top 5"), or "out".
 */
export function standingsTable(standings: Standings): string {
  const sprintCount = standings.rows[0]?.sprints.length ?? 0;
  const running = standings.phase === 'live' && standings.qualificationLine !== null;
  const header = [
    'Rank',
    'Bib',
    'Name',
    'Nation',
    ...Array.from({ length: sprintCount }, (_, i) => `SP${i + 1}`),
    'Final',
    'Total',
    'Q',
    'Status',
    'Time',
    ...(running ? ['Needs'] : []),
  ];
  const cells = standings.rows.map((row: Standing) => [
    row.rank === null ? '' : String(row.rank),
    String(row.bib),
    row.name,
    row.nation,
    ...row.sprints.map(String),
    String(row.final),
    String(row.total),
    row.qualified ?? (row.qualification === 'Q' ? 'Q' : ''),
    row.status === 'DNF' || row.status === 'LAPPED'
      ? `${row.status}${row.laps === null ? '' : ` (${row.laps} laps)`}`
      : row.status,
    row.time === null ? '' : formatRaceTime(row.time),
    ...(running ? [needs(row)] : []),
  ]);
  const numeric = new Set([0, 1, ...Array.from({ length: sprintCount + 2 }, (_, i) => 4 + i)]);
  const widths = header.map((title, col) =>
    Math.max(title.length, ...cells.map((line) => [...line[col]!].length)),
  );
  const render = (line: string[]) =>
    line
      .map((cell, col) =>
        numeric.has(col) ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!),
      )
      .join('  ')
      .trimEnd();
  const lines = [render(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  cells.forEach((line, index) => {
    lines.push(render(line));
    if (
      standings.qualificationLine !== null &&
      index + 1 === standings.qualificationLine &&
      index + 1 < cells.length
    ) {
      lines.push(`${'='.repeat(widths.reduce((a, b) => a + b + 2, -2))}  qualification line`);
    }
  });
  return lines.join('\n');
}
