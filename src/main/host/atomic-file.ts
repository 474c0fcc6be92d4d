import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What syncing a folder needs of the file system: opening it for reading (a FileHandle). */
export type OpenFolder = (
  path: string,
) => Promise<{ sync(): Promise<void>; close(): Promise<void> }>;

/**
 * Makes a folder's new entries (a rename) durable; best effort, as the journal's
 * (src/main/host/journal.ts): Windows cannot open or fsync a folder (EPERM, EISDIR, EINVAL),
 * and by then the rename is done, so failing the write for it would leave the caller believing
 * the old content is in place when the new one is.
 */
export async function syncFolder(
  folder: string,
  openFolder: OpenFolder = (path) => open(path, 'r'),
): Promise<void> {
  const handle = await openFolder(folder).catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Writes a file so that a crash leaves either the old or the new content, never a mix:
 * write a temporary file, fsync it, rename it over the old one, fsync the folder (best effort).
 */
export async function writeFileAtomic(
  path: string,
  content: string,
  options: { openFolder?: OpenFolder } = {},
): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w', 0o600);
  try {
    await file.writeFile(content);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  await syncFolder(dirname(path), options.openFolder);
}
