import * as crypto from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadOrCreateTokens, tokenRole, tokensPath } from '../../../src/main/host/tokens.ts';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tokens-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('API tokens', () => {
  it('are made at first start: two different 32-character base64url secrets, kept with mode 0600', async () => {
    const tokens = await loadOrCreateTokens(join(dataDir, 'new-folder'));
    expect(tokens.control).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(tokens.view).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(tokens.control).not.toBe(tokens.view);
    const path = tokensPath(join(dataDir, 'new-folder'));
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(tokens);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('are kept across restarts, and a copy with loose permissions is tightened', async () => {
    const first = await loadOrCreateTokens(dataDir);
    if (process.platform !== 'win32') await chmod(tokensPath(dataDir), 0o644);
    expect(await loadOrCreateTokens(dataDir)).toEqual(first);
    if (process.platform !== 'win32')
      expect((await stat(tokensPath(dataDir))).mode & 0o777).toBe(0o600);
  });

  it('refuse a damaged file with a reason instead of silently making new ones', async () => {
    await writeFile(tokensPath(dataDir), '{"control": "x"');
    await expect(loadOrCreateTokens(dataDir)).rejects.toThrow(
      /tokens\.json is not valid JSON .*delete it to make new tokens/,
    );
    await writeFile(
      tokensPath(dataDir),
      JSON.stringify({ control: 'a'.repeat(32), view: 'a'.repeat(32) }),
    );
    await expect(loadOrCreateTokens(dataDir)).rejects.toThrow(/two different tokens/);
  });

  it('grant control, view or nothing', async () => {
    const tokens = await loadOrCreateTokens(dataDir);
    expect(tokenRole(tokens, tokens.control)).toBe('control');
    expect(tokenRole(tokens, tokens.view)).toBe('view');
    expect(tokenRole(tokens, `${tokens.control}x`)).toBeNull();
    expect(tokenRole(tokens, tokens.control.slice(0, -1))).toBeNull();
    expect(tokenRole(tokens, '')).toBeNull();
    expect(tokenRole(tokens, null)).toBeNull();
    expect(tokenRole(tokens, undefined)).toBeNull();
  });

  it('are compared in constant time: equal-length digests, both tokens every time, no early exit', async () => {
    const tokens = await loadOrCreateTokens(dataDir);
    const compare = vi.mocked(crypto.timingSafeEqual);
    for (const guess of [
      'x',
      tokens.control.slice(0, 31),
      tokens.view,
      tokens.control,
      'y'.repeat(5000),
    ]) {
      compare.mockClear();
      tokenRole(tokens, guess);
      expect(compare).toHaveBeenCalledTimes(2);
      for (const [a, b] of compare.mock.calls) {
        expect((a as Buffer).length).toBe(32);
        expect((b as Buffer).length).toBe(32);
      }
    }
  });
});
