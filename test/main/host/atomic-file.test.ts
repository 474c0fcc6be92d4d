import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  syncFolder,
  writeFileAtomic,
  type OpenFolder,
} from '../../../src/main/host/atomic-file.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failure = (code: string) => Object.assign(new Error(`${code}: folder`), { code });

/** A folder handle as Windows gives it: it opens, or not, but cannot be fsynced. */
function windowsFolder(how: 'open fails' | 'sync fails', code: string) {
  const calls: string[] = [];
  const openFolder: OpenFolder = (path) => {
    calls.push(`open ${path}`);
    if (how === 'open fails') return Promise.reject(failure(code));
    return Promise.resolve({
      sync: () => {
        calls.push('sync');
        return Promise.reject(failure(code));
      },
      close: () => {
        calls.push('close');
        return Promise.resolve();
      },
    });
  };
  return { openFolder, calls };
}

describe('the atomic write of program.json (and tokens, window layout)', () => {
  it('writes the new content in place, leaving no temporary file', async () => {
    const path = join(dir, 'program.json');
    await writeFileAtomic(path, 'old\n');
    await writeFileAtomic(path, 'new\n');
    expect(await readFile(path, 'utf8')).toBe('new\n');
    expect(await readdir(dir)).toEqual(['program.json']);
  });

  it.each([
    ['sync fails', 'EPERM'],
    ['sync fails', 'EINVAL'],
    ['open fails', 'EISDIR'],
    ['open fails', 'EPERM'],
  ] as const)(
    'tolerates a folder that cannot be fsynced, as on Windows (%s, %s), as the journal does',
    async (how, code) => {
      const path = join(dir, 'program.json');
      const { openFolder, calls } = windowsFolder(how, code);
      await expect(writeFileAtomic(path, 'new\n', { openFolder })).resolves.toBeUndefined();
      expect(await readFile(path, 'utf8')).toBe('new\n');
      expect(calls).toEqual(
        how === 'open fails' ? [`open ${dir}`] : [`open ${dir}`, 'sync', 'close'],
      );
    },
  );

  it('syncs a real folder', async () => {
    await expect(syncFolder(dir)).resolves.toBeUndefined();
  });
});
