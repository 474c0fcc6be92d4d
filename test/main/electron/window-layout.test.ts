import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  defaultWindowLayout,
  LayoutStore,
  readWindowLayout,
  windowLayoutPath,
  writeWindowLayout,
} from '../../../src/main/electron/window-layout.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'layout-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dataDir, { recursive: true, force: true });
});

const led = { id: 7, label: 'LED wall', bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };

describe('window layout file', () => {
  it('starts with the console only', async () => {
    expect(await readWindowLayout(dataDir)).toEqual({
      version: 1,
      console: { bounds: null, maximized: false },
      board: { open: false, choice: null, windowBounds: null },
      overlay: { open: false, choice: null, windowBounds: null },
      testPattern: false,
    });
  });

  it('round-trips through an atomic write; the test pattern is not restored', async () => {
    const layout = {
      ...defaultWindowLayout(),
      console: { bounds: { x: 10, y: 20, width: 1400, height: 900 }, maximized: true },
      board: { open: true, choice: led, windowBounds: null },
      overlay: {
        open: true,
        choice: 'window' as const,
        windowBounds: { x: 0, y: 0, width: 1280, height: 720 },
      },
      testPattern: true,
    };
    await writeWindowLayout(dataDir, layout);
    expect(await readWindowLayout(dataDir)).toEqual({ ...layout, testPattern: false });
    expect(JSON.parse(await readFile(windowLayoutPath(dataDir), 'utf8'))).toEqual(layout);
  });

  it('falls back to the default on a broken or invalid file, and says so', async () => {
    const log: string[] = [];
    await writeFile(windowLayoutPath(dataDir), '{"console": {"bounds": {"x": "left"');
    expect(await readWindowLayout(dataDir, (line) => log.push(line))).toEqual(
      defaultWindowLayout(),
    );
    await writeFile(windowLayoutPath(dataDir), JSON.stringify({ board: { open: 'yes' } }));
    expect(await readWindowLayout(dataDir, (line) => log.push(line))).toEqual(
      defaultWindowLayout(),
    );
    expect(log).toHaveLength(2);
    expect(log[1]).toContain('board.open');
  });

  it('fills in what an older file lacks', async () => {
    await writeFile(
      windowLayoutPath(dataDir),
      JSON.stringify({ version: 1, board: { open: true } }),
    );
    expect((await readWindowLayout(dataDir)).board).toEqual({
      open: true,
      choice: null,
      windowBounds: null,
    });
  });
});

describe('LayoutStore', () => {
  it('saves once, a moment after the last of many changes', async () => {
    vi.useFakeTimers();
    const store = new LayoutStore(dataDir, defaultWindowLayout(), { delayMs: 500 });
    for (let x = 0; x < 20; x++)
      store.update((layout) => ({
        ...layout,
        console: { bounds: { x, y: 0, width: 1400, height: 900 }, maximized: false },
      }));
    await vi.advanceTimersByTimeAsync(400);
    await expect(readFile(windowLayoutPath(dataDir), 'utf8')).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(200);
    vi.useRealTimers();
    await store.flush();
    expect((await readWindowLayout(dataDir)).console.bounds?.x).toBe(19);
  });

  it('flushes at once, and writes nothing when nothing changed', async () => {
    const store = new LayoutStore(dataDir, defaultWindowLayout(), { delayMs: 60_000 });
    store.update((layout) => layout);
    await store.flush();
    await expect(readFile(windowLayoutPath(dataDir), 'utf8')).rejects.toThrow();
    store.update((layout) => ({ ...layout, board: { ...layout.board, open: true, choice: led } }));
    await store.flush();
    expect((await readWindowLayout(dataDir)).board.choice).toEqual(led);
    expect(store.layout.board.open).toBe(true);
  });

  it('logs a failed save instead of throwing', async () => {
    const log: string[] = [];
    const store = new LayoutStore(join(dataDir, 'missing', 'folder'), defaultWindowLayout(), {
      log: (line) => log.push(line),
    });
    store.update((layout) => ({ ...layout, testPattern: true }));
    await store.flush();
    expect(log[0]).toMatch(/^window layout not saved: /);
  });
});
