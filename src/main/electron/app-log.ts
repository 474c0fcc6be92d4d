// The app's log file, DATA/logs/app.log: renderer crashes and hangs, refused IPC, host notes.
// Written synchronously (few lines, and a line must not be lost when the app dies right after).
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A log that writes one line per call. */
export interface AppLog {
  /** The file written to. */
  readonly path: string;
  readonly info: (line: string) => void;
  readonly error: (line: string, error?: unknown) => void;
}

/** An error's stack, or the thrown value as text. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? 'undefined');
}

/** Where the log goes in the data directory. */
export const appLogPath = (dataDir: string) => join(dataDir, 'logs', 'app.log');

/** Options: size before the file is rotated to app.1.log, a clock and an echo (stderr) for tests. */
export interface AppLogOptions {
  readonly maxBytes?: number;
  readonly clock?: () => Date;
  readonly echo?: (line: string) => void;
}

/** Opens (creates) DATA/logs/app.log; a file above maxBytes is moved to app.1.log first. */
export function openAppLog(dataDir: string, options: AppLogOptions = {}): AppLog {
  const path = appLogPath(dataDir);
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    size = 0;
  }
  const write = (level: 'info' | 'error', text: string) => {
    const line = `${(options.clock?.() ?? new Date()).toISOString()} ${level} ${text.replace(/\r?\n(?!$)/g, '\n    ')}\n`;
    if (size + line.length > maxBytes && size > 0) {
      try {
        renameSync(path, join(dataDir, 'logs', 'app.1.log'));
        size = 0;
      } catch {
        // keep appending: losing rotation is better than losing lines
      }
    }
    try {
      appendFileSync(path, line);
      size += Buffer.byteLength(line);
    } catch {
      // the data directory vanished (unplugged drive): the echo below still shows it
    }
    options.echo?.(line.trimEnd());
  };
  return {
    path,
    info: (line) => write('info', line),
    error: (line, error) =>
      write('error', error === undefined ? line : `${line}: ${describe(error)}`),
  };
}
