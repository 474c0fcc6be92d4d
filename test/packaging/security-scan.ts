// `npm run security`: Electronegativity (Doyensec's Electron security scanner) over the sources;
// fails on any HIGH severity finding, and on any file it could not parse (an unscanned file
// must not pass as a clean one). Lower severities are printed for review.
// Usage: tsx test/packaging/security-scan.ts [folder=src]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Level {
  readonly value: number;
  readonly name: string;
}

interface RawIssue {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly severity: Level;
  readonly confidence: Level;
  readonly description: string;
  readonly manualReview: boolean;
}

interface RawResult {
  readonly globalChecks: number;
  readonly atomicChecks: number;
  readonly issues: readonly RawIssue[];
  readonly errors: readonly {
    readonly file: string;
    readonly message: string;
    readonly tolerable: boolean;
  }[];
}

type Runner = (options: {
  input: string;
  isRelative: boolean;
  electronVersionOverride?: string;
  output?: string;
}) => Promise<RawResult>;

/** One finding, flattened. */
export interface Finding {
  readonly id: string;
  readonly severity: string;
  readonly confidence: string;
  readonly file: string;
  readonly line: number;
  readonly description: string;
}

/** What a scan found. */
export interface ScanResult {
  readonly checks: number;
  readonly findings: readonly Finding[];
  /** Files the scanner could not parse (not tolerable: they were not checked). */
  readonly unparsed: readonly { readonly file: string; readonly message: string }[];
}

const require = createRequire(import.meta.url);

/** The Electron version the app is built with (the scanner's checks depend on it). */
export function electronVersion(): string {
  return (require('electron/package.json') as { version: string }).version;
}

/** Runs the scanner over a folder. */
export async function scan(folder: string): Promise<ScanResult> {
  const run = require('@doyensec/electronegativity') as Runner;
  // It prints network notes (translations, release list) that do not matter offline: keep them out.
  const log = console.log;
  console.log = () => undefined;
  let result: RawResult;
  try {
    result = await run({
      input: resolve(folder),
      isRelative: true,
      electronVersionOverride: electronVersion(),
    });
  } finally {
    console.log = log;
  }
  return {
    checks: result.globalChecks + result.atomicChecks,
    findings: result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      description: issue.description,
    })),
    unparsed: result.errors
      .filter((error) => !error.tolerable)
      .map(({ file, message }) => ({ file, message })),
  };
}

/** The report lines and whether the scan fails the build. */
export function verdict(result: ScanResult): { failed: boolean; lines: string[] } {
  const high = result.findings.filter((finding) => finding.severity === 'HIGH');
  const lines = [
    `electronegativity: ${result.checks} checks, ${result.findings.length} findings (${high.length} HIGH), ${result.unparsed.length} files not parsed`,
    ...result.findings.map(
      (f) =>
        `  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id}  ${f.file}:${f.line}  ${f.description}`,
    ),
    ...result.unparsed.map((u) => `  NOT PARSED    ${u.file}: ${u.message}`),
  ];
  const failed = high.length > 0 || result.unparsed.length > 0;
  lines.push(
    failed
      ? 'security scan FAILED: fix the HIGH findings (or the unparsed files) above'
      : 'security scan passed: no HIGH findings',
  );
  return { failed, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await scan(process.argv[2] ?? 'src');
  const { failed, lines } = verdict(result);
  for (const line of lines) console.log(line);
  process.exitCode = failed ? 1 : 0;
}
