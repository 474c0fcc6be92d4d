import { dirname, join } from 'node:path';
import { refused, type Refused } from '../../shared/protocol/reply.ts';

/** A file system failure in operator words: the cause and what to do about it. */
export interface StorageProblem {
  /** The error code (ENOSPC, EROFS, EACCES, EIO, ...), if it had one. */
  readonly code: string | undefined;
  /** "the disk is full (ENOSPC)" */
  readonly reason: string;
  /** "free space on DIR" */
  readonly remedy: string;
  /** Whether the operator can fix it on the spot (full disk, read-only, permissions, a failing disk). */
  readonly known: boolean;
}

/**
 * Names the cause of a failed write to `path` and what the operator can do about it: the one
 * wording for the journals and program.json (issue 9, "Faults that must not stop a race").
 */
export function storageProblem(path: string, error: unknown): StorageProblem {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const folder = dirname(path);
  const known = (reason: string, remedy: string) => ({ code, reason, remedy, known: true });
  switch (code) {
    case 'ENOSPC':
      return known('the disk is full (ENOSPC)', `free space on ${folder}`);
    case 'EDQUOT':
      return known('the disk quota is used up (EDQUOT)', `free space on ${folder}`);
    case 'EROFS':
      return known('the disk is read-only (EROFS)', `make ${folder} writable again`);
    case 'EACCES':
    case 'EPERM':
      return known(
        `the host has no permission to write it (${code})`,
        `give the host write permission on ${folder}`,
      );
    case 'EIO':
      return known('the disk reported an I/O error (EIO)', `check the disk that holds ${folder}`);
    case 'ENOENT':
      return known('the file is gone (ENOENT)', `put the data folder back at ${folder}`);
    default:
      return {
        code,
        reason: `${code ?? 'error'}: ${(error as Error | null)?.message ?? String(error)}`,
        remedy: `check ${folder}`,
        known: false,
      };
  }
}

/**
 * A file system error while saving `file` (in `dataDir`) becomes a refusal the operator can act
 * on (the change was not made); anything else is a bug and propagates.
 */
export function storageRefusal(
  dataDir: string,
  file: string,
  error: unknown,
  log: (line: string) => void,
): Refused {
  const problem = storageProblem(join(dataDir, file), error);
  if (!problem.known) throw error;
  const line = `${file} could not be written: ${problem.reason}; nothing was changed: ${problem.remedy} and send it again`;
  log(line);
  return refused(503, line);
}
