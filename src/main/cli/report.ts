/**
 * `massstart report --data DIR --race ID [--out FILE] [--json]` (issue 21, part 3): the race
 * report of a race in a host's data folder (its journal and passing log), read without changing
 * the folder (no lock, nothing written there), so it is safe while the host runs.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataReadError } from '../results-out/data-reader.ts';
import { dataFolderReportPdf, reportFileName } from '../results-out/race-report.ts';
import { CliInputError } from './results.ts';

/** The report command's help (`massstart report --help`). */
export const reportHelp = `usage: massstart report --data DIR --race ID [--out FILE.pdf] [--json]

The race report of a race as a PDF: the timeline (the start, each lap with its leader, lap time
and groups, the sprints, the breakaways, the finish), every correction with its time, and a lap
chart from the timing loop's passings. DIR is a host's data folder; it is read, never changed,
so this is safe while the host runs. Without --out the report is written to ./ID-report.pdf.

  --data DIR     the host's data folder
  --race ID      the race (its id in the program: men-semi-1)
  --out FILE     where to write the PDF
  --json         print what was written as JSON: {"race","file","passings","laps","corrections","lapChart"}

A race without passings (no decoder, or a standby's folder) still gets its timeline from the
journal; the report says why there is no lap chart. Bad input exits with code 2.`;

/** What `--json` prints (one line). */
export interface ReportSummary {
  readonly race: string;
  /** The absolute path of the PDF written. */
  readonly file: string;
  /** Passings in the race's passing log (0: none). */
  readonly passings: number;
  /** Laps in the timeline (from the passings, else the lap key's). */
  readonly laps: number;
  readonly corrections: number;
  /** Whether the report has a lap chart. */
  readonly lapChart: boolean;
}

/** Runs `report`; `out` gets the notes and "wrote FILE", `print` the JSON. */
export async function reportCommand(
  args: string[],
  out: (line: string) => void,
  print: (text: string) => void,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      race: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    print(`${reportHelp}\n`);
    return;
  }
  if (positionals.length > 0) throw new CliInputError(`report: unexpected "${positionals[0]}"`);
  if (!values.data) throw new CliInputError('report needs --data DIR (the host data folder)');
  if (!values.race) throw new CliInputError('report needs --race ID (the race in the program)');
  let made;
  try {
    made = await dataFolderReportPdf(values.data, values.race);
  } catch (error) {
    if (error instanceof DataReadError) throw new CliInputError(error.message);
    throw error;
  }
  for (const note of made.notes) out(`note: ${note}`);
  const file = resolve(values.out ?? reportFileName(values.race));
  try {
    await writeFile(file, made.pdf);
  } catch (error) {
    throw new CliInputError(
      `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  out(`wrote ${file}`);
  if (!values.json) return;
  const { report, passings } = made;
  const summary: ReportSummary = {
    race: values.race,
    file,
    passings: passings.kind === 'log' ? passings.passings.length : 0,
    laps: report.timeline.filter((row) => row.kind === 'lap').length,
    corrections: report.corrections.length,
    lapChart: report.chart !== null,
  };
  print(`${JSON.stringify(summary)}\n`);
}
