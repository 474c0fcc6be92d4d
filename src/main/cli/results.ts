/**
 * `massstart results` and `massstart export` (issue 11): a race's results as CSV, JSON and PDF
 * from a race sheet or from a data folder (read only: no lock, nothing written there), and the
 * whole meeting of a data folder to a folder or a zip.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDelimiter, resultsCsv, type CsvDelimiter } from '../../shared/export/csv.ts';
import type { RaceRecord } from '../../shared/export/results-document.ts';
import type { MeetingFacts } from '../../shared/results/meeting-facts.ts';
import { parseRaceSheet, sheetState } from '../../shared/sheet/sheet.ts';
import { DataReadError, readMeeting, readMeetingRace } from '../results-out/data-reader.ts';
import { writeMeetingExport } from '../results-out/meeting-export.ts';
import { raceResultsJson } from '../results-out/race-export.ts';
import { racePdf } from '../results-out/race-pdf.ts';

/** Bad input (arguments, files, an unknown race): the CLI exits with code 2 and the message. */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}

function delimiterOption(text: string | undefined): CsvDelimiter {
  if (text === undefined) return ',';
  const delimiter = parseDelimiter(text);
  if (!delimiter)
    throw new CliInputError(`--delimiter: give "," or ";" (or comma, semicolon), not "${text}"`);
  return delimiter;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliInputError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

async function write(path: string, content: string | Uint8Array, out: (line: string) => void) {
  try {
    await writeFile(path, content);
  } catch (error) {
    throw new CliInputError(
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  out(`wrote ${path}`);
}

/** Data-folder problems are bad input to the CLI. */
async function fromData<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DataReadError) throw new CliInputError(error.message);
    throw error;
  }
}

/**
 * `results SHEET.json | --data DIR --race ID [--csv F] [--json F] [--pdf F] [--delimiter ;]`.
 * Without --csv, --json or --pdf it prints the CSV (without the byte order mark).
 */
export async function resultsCommand(
  args: string[],
  out: (line: string) => void,
  print: (text: string) => void,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      csv: { type: 'string' },
      json: { type: 'string' },
      pdf: { type: 'string' },
      delimiter: { type: 'string' },
      data: { type: 'string' },
      race: { type: 'string' },
    },
    allowPositionals: true,
  });
  const delimiter = delimiterOption(values.delimiter);
  let meeting: MeetingFacts | null;
  let race: RaceRecord;
  if (values.data !== undefined) {
    if (positionals.length > 0)
      throw new CliInputError('results takes a race sheet or --data DIR --race ID, not both');
    if (!values.race) throw new CliInputError('results --data DIR needs --race ID');
    const read = await fromData(() => readMeetingRace(values.data!, values.race!));
    for (const note of read.notes) out(`note: ${note}`);
    ({ meeting, race } = read);
  } else {
    const file = positionals[0];
    if (!file || positionals.length > 1)
      throw new CliInputError(
        'results needs exactly one race sheet file (or --data DIR --race ID)',
      );
    if (values.race) throw new CliInputError('--race goes with --data DIR');
    const state = sheetState(parseRaceSheet(await readText(file)));
    meeting = null;
    race = { id: basename(file, extname(file)), category: '', state, journal: [] };
  }
  if (values.csv === undefined && values.json === undefined && values.pdf === undefined) {
    print(resultsCsv(race.state, { delimiter, bom: false }));
    return;
  }
  // The PDF first: a build without it refuses before anything is written.
  const pdf = values.pdf === undefined ? null : await racePdf(meeting, race);
  if (values.csv !== undefined) await write(values.csv, resultsCsv(race.state, { delimiter }), out);
  if (values.json !== undefined) await write(values.json, raceResultsJson(meeting, race), out);
  if (values.pdf !== undefined && pdf) await write(values.pdf, pdf, out);
}

/** `export --data DIR --out DIR|FILE.zip [--delimiter ;] [--no-pdf]`. */
export async function exportCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      delimiter: { type: 'string' },
      'no-pdf': { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new CliInputError(`export: unexpected "${positionals[0]}"`);
  if (!values.data) throw new CliInputError('export needs --data DIR (the host data folder)');
  if (!values.out) throw new CliInputError('export needs --out DIR or --out FILE.zip');
  const delimiter = delimiterOption(values.delimiter);
  const record = await fromData(() => readMeeting(values.data!));
  for (const note of record.notes) process.stderr.write(`note: ${note}\n`);
  let written;
  try {
    written = await writeMeetingExport(record, values.out, {
      delimiter,
      pdf: values['no-pdf'] !== true,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new CliInputError(`cannot write ${values.out}: ${code}`);
  }
  out(
    `wrote ${written.path} (${written.kind}: ${written.files.length} files, ${record.races.length} races)`,
  );
}
