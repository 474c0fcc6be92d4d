import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { standingsWithOutlook } from '../../shared/race/qualification.ts';
import { parseRaceSheet, sheetState, SheetError } from '../../shared/sheet/sheet.ts';
import { DataDirInUseError } from '../host/data-lock.ts';
import { reportCommand } from './report.ts';
import { CliInputError, exportCommand, resultsCommand } from './results.ts';
import { writeSchemas } from './schemas.ts';
import { parseServeArgs, serve } from './serve.ts';
import { simulateDecoderCommand, SimulatorUsageError } from './simulate-decoder.ts';
import { standingsJson, standingsTable } from './standings-table.ts';

const usage = `usage: massstart <command> [options]

commands:
  standings SHEET.json [--json]   print the ranked table of a race sheet
  results SHEET.json | --data DIR --race ID [--csv OUT.csv] [--json OUT.json] [--pdf OUT.pdf]
          [--delimiter ,|;]       a race's results as CSV (UTF-8 with BOM), JSON and PDF; without
                                  --csv/--json/--pdf prints the CSV. --data reads a host's data
                                  folder without changing it (safe while the host runs)
  export --data DIR --out DIR|FILE.zip [--delimiter ,|;] [--no-pdf]
                                  the whole meeting: meeting.json, and per race its CSV, race
                                  sheet and PDF, into a folder or a zip
  report --data DIR --race ID [--out FILE.pdf] [--json]
                                  the race report (timeline, corrections, lap chart from the
                                  timing loop's passings) as a PDF, default ./ID-report.pdf;
                                  reads the data folder without changing it (report --help)
  serve [--port N] [--host ADDR] [--allowed-host NAME]... [--data DIR] [--osc-port N | --no-osc]
          [--osc-allow A,B] [--demo] [--timing p3://HOST[:PORT] | off] [--auto-laps | --no-auto-laps]
          [--min-lap SECONDS] [--start-signal TRANSPONDER|none] [--public]
          [--standby-of http://HOST:PORT --primary-token=TOKEN] [--commit-bound MS]
                                  start the race host in browser mode and print its URLs; --timing
                                  connects the meeting to a MYLAPS P3 decoder (kept in the meeting); --public
                                  serves the public live feed at /public/ (no token); --allowed-host
                                  lets browsers open the host by another name (its addresses and
                                  localhost always work); --standby-of runs this host as the standby
                                  of a primary (the token also from MASSSTART_PRIMARY_TOKEN; see
                                  docs/two-laptops.md); --commit-bound: how long a primary waits for
                                  its standby per change (default 300 ms)
  simulate-decoder [--port 5403] [--host 127.0.0.1] [--race FILE.jsonl | --breakaway] [--speed 10]
          [--skaters N] [--seed S] [--no-noise] [--clock-offset MS] [--lead-in SECONDS] [--drop-at N]
                                  a P3 decoder on TCP playing a race's passings (generated, or a
                                  recorded journal) until the finish or Ctrl+C; --breakaway plays a
                                  race with known groups (a breakaway, maybe a chase, a skater
                                  lapped) and prints each lap's true groups and gaps
  schemas [DIR]                   write the published JSON Schemas (default resources/schemas)
  help                            this text`;

/** Exit code 2: the input (arguments or a file) is wrong. */
class UsageError extends Error {}

/**
 * `standings SHEET.json [--json]`: the ranked table, or its JSON; a running semi-final's rows say
 * what each skater still needs (issue 18). Prints through `print`.
 */
export async function standingsCommand(
  args: string[],
  print: (text: string) => void,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError('standings needs exactly one race sheet file');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const standings = standingsWithOutlook(sheetState(parseRaceSheet(text)));
  print(
    values.json
      ? `${JSON.stringify(standingsJson(standings))}\n`
      : `${standingsTable(standings)}\n`,
  );
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'standings':
        await standingsCommand(rest, (text) => process.stdout.write(text));
        return 0;
      case 'results':
        await resultsCommand(
          rest,
          (line) => process.stderr.write(`${line}\n`),
          (text) => process.stdout.write(text),
        );
        return 0;
      case 'export':
        await exportCommand(rest, (line) => process.stdout.write(`${line}\n`));
        return 0;
      case 'report':
        await reportCommand(
          rest,
          (line) => process.stderr.write(`${line}\n`),
          (text) => process.stdout.write(text),
        );
        return 0;
      case 'serve': {
        const running = await serve(parseServeArgs(rest));
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await running.close();
        return 0;
      }
      case 'simulate-decoder': {
        const running = await simulateDecoderCommand(rest, (line) =>
          process.stdout.write(`${line}\n`),
        );
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          void running.done.then(stop);
        });
        await running.close();
        return 0;
      }
      case 'schemas':
        for (const path of await writeSchemas(rest[0] ?? 'resources/schemas'))
          process.stdout.write(`wrote ${path}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${usage}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof SheetError) {
      process.stderr.write(`massstart: invalid race sheet:\n${error.message}\n`);
      return 2;
    }
    if (error instanceof SimulatorUsageError) {
      process.stderr.write(`massstart: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CliInputError) {
      process.stderr.write(`massstart: ${error.message}\n`);
      return 2;
    }
    if (
      error instanceof UsageError ||
      /^--|ERR_PARSE_ARGS/.test(
        `${(error as Error).message} ${(error as { code?: string }).code ?? ''}`,
      )
    ) {
      process.stderr.write(`massstart: ${(error as Error).message}\n${usage}\n`);
      return 2;
    }
    if (error instanceof DataDirInUseError) {
      process.stderr.write(`massstart: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
