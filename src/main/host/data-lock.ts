import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** A held lock on a data directory: one race host writes its journals at a time. */
export interface DataLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `DATA/host.lock` (holding this process's pid). Two hosts on one data directory would
 * interleave journal lines, so a second one is refused with the pid of the first; a lock left
 * by a process that no longer runs (a crash) is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<DataLock> {
  const path = join(dataDir, 'host.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, 'wx', 0o600);
      await file.writeFile(`${process.pid}\n`);
      await file.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new Error(
          `${dataDir} is in use by another race host (process ${holder}); stop it first or choose another --data folder`,
          { cause: error },
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
