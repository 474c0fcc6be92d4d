import Papa from 'papaparse/papaparse.js';
import { columnNames, findColumns, type StartListColumn } from './columns.ts';
import { caseFromCapitals } from './names.ts';
import {
  buildStartList,
  type SkaterRow,
  type StartListProblem,
  type StartListResult,
} from './result.ts';

/** One non-blank CSV record and the file line it starts on. */
type CsvRecord = { line: number; fields: string[]; quoteProblem?: string };

/**
 * Reads a CSV start list: comma, semicolon or tab separated, with or without a UTF-8 BOM,
 * CRLF or LF, a header line in English or Dutch, blank lines ignored; names kept as written,
 * but for family names in capitals (src/shared/startlist/names.ts).
 */
export function parseStartListCsv(text: string): StartListResult {
  const records = readRecords(text.replace(/^\uFEFF/, ''));
  const [header, ...body] = records;
  if (header === undefined) {
    return failure(
      null,
      'the file is empty: expected a header line such as "bib,first name,last name,nation" and one line per skater',
    );
  }
  const columns = findColumns(header.fields);
  const headerProblems = missingColumns(header, columns);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  if (body.length === 0) return failure(null, `no skaters below the header on line ${header.line}`);

  const problems: StartListProblem[] = [];
  const rows: SkaterRow[] = [];
  for (const record of body) {
    if (record.quoteProblem !== undefined) {
      problems.push({ line: record.line, message: `line ${record.line}: ${record.quoteProblem}` });
      continue;
    }
    const value = (column: StartListColumn): string | undefined => {
      const index = columns[column];
      return index === undefined ? undefined : record.fields[index];
    };
    const infix = value('infix')?.trim();
    const lastName = value('lastName')?.trim();
    rows.push({
      line: record.line,
      bib: value('bib') ?? '',
      name: value('name'),
      firstName: value('firstName'),
      lastName: infix && lastName ? withInfix(infix, lastName) : lastName,
      nation: value('nation'),
      transponder: value('transponder'),
      nameOrder: value('nameOrder'),
    });
  }
  return buildStartList(rows, 'line', problems);
}

/**
 * A Dutch family name from its tussenvoegsel and achternaam: "van der" + "Meer"; a list that
 * writes the achternaam in capitals ("van der" + "MEER", or "VAN DER" + "MEER") gives "van der
 * Meer" as well (src/shared/startlist/names.ts).
 */
function withInfix(infix: string, lastName: string): string {
  const whole = `${infix} ${lastName}`;
  const cased = caseFromCapitals(whole);
  return cased !== whole ? cased : `${infix} ${caseFromCapitals(lastName)}`;
}

/** Splits the text into records with Papa Parse, noting the line each starts on. */
function readRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let start = 0;
  Papa.parse(text, {
    delimiter: guessDelimiter(text),
    step: ({ data, errors, meta }) => {
      const [error] = errors;
      if (data.some((field) => field.trim() !== '') || error !== undefined) {
        const quoteProblem = error === undefined ? undefined : describeQuoteError(error.code);
        records.push({ line, fields: data, ...(quoteProblem ? { quoteProblem } : {}) });
      }
      line += text.slice(start, meta.cursor).match(/\r\n|\r|\n/g)?.length ?? 0;
      start = meta.cursor;
    },
  });
  return records;
}

/** The separator used most in the header line (outside quotes); comma when there is none. */
function guessDelimiter(text: string): string {
  const header = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const unquoted = header.replace(/"[^"]*"/g, '');
  const count = (delimiter: string): number => unquoted.split(delimiter).length;
  return [';', '\t'].reduce(
    (best, delimiter) => (count(delimiter) > count(best) ? delimiter : best),
    ',',
  );
}

/** An operator's words for a Papa Parse row error. */
function describeQuoteError(code: string): string {
  if (code === 'MissingQuotes') return 'a quoted value has no closing quote (")';
  if (code === 'InvalidQuotes')
    return 'a quote (") is out of place; put quotes around the whole value';
  return 'this line cannot be read';
}

/** One problem per required field the header does not name, listing the names accepted. */
function missingColumns(
  header: CsvRecord,
  columns: Partial<Record<StartListColumn, number>>,
): StartListProblem[] {
  const problems: StartListProblem[] = [];
  const where = `line ${header.line}: the header "${header.fields.join(', ')}"`;
  if (columns.bib === undefined) {
    const message = `${where} has no helmet number column; accepted names: ${columnNames.bib.join(', ')}`;
    problems.push({ line: header.line, field: 'bib', message });
  }
  const nameColumns = ['name', 'firstName', 'lastName'] as const;
  if (nameColumns.every((column) => columns[column] === undefined)) {
    const names = nameColumns.flatMap((column) => columnNames[column]).join(', ');
    problems.push({
      line: header.line,
      field: 'name',
      message: `${where} has no name column; accepted names: ${names}`,
    });
  }
  return problems;
}

/** A result with one problem. */
function failure(line: number | null, message: string): StartListResult {
  return { ok: false, problems: [{ line, message }] };
}
