import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RendererWatchdog, watchRenderer } from '../../../src/main/electron/watchdog.ts';
import { FakeWebContents } from './fake-electron.ts';

let renderer: FakeWebContents;
let log: string[];

beforeEach(() => {
  vi.useFakeTimers();
  renderer = new FakeWebContents();
  log = [];
});
afterEach(() => vi.useRealTimers());

const watch = (options: Partial<ConstructorParameters<typeof RendererWatchdog>[1]> = {}) =>
  new RendererWatchdog(renderer, { name: 'board', log: (line) => log.push(line), ...options });

describe('RendererWatchdog', () => {
  it('reloads a crashed renderer well within a second, and logs it', () => {
    const watchdog = watch();
    watchdog.gone('crashed', 139);
    expect(renderer.reloads).toBe(0);
    vi.advanceTimersByTime(100);
    expect(renderer.reloads).toBe(1);
    expect(log).toEqual(['board renderer gone (crashed, exit code 139): reloading in 100 ms']);
    watchdog.dispose();
  });

  it('ignores a clean exit (the window closing)', () => {
    const watchdog = watch();
    watchdog.gone('clean-exit', 0);
    vi.advanceTimersByTime(5000);
    expect(renderer.reloads).toBe(0);
    watchdog.dispose();
  });

  it('restarts a renderer whose heartbeat stops (a hung page), once', () => {
    const watchdog = watch();
    watchdog.heartbeat();
    for (let i = 0; i < 8; i++) {
      vi.advanceTimersByTime(250);
      watchdog.heartbeat();
    }
    expect(renderer.crashes).toBe(0);
    vi.advanceTimersByTime(2250); // no heartbeat for > 2 s, checked every 250 ms
    expect(renderer.crashes).toBe(1);
    expect(renderer.reloads).toBe(1);
    expect(log[0]).toMatch(/^board renderer hung \(no heartbeat for 2\.\d s\): restarting it$/);
    // The kill we caused reports the renderer gone: that is not a second reload.
    watchdog.gone('killed', 9);
    vi.advanceTimersByTime(10_000);
    expect(renderer.reloads).toBe(1);
    expect(renderer.crashes).toBe(1);
    watchdog.dispose();
  });

  it('does not count page loading time as a hang', () => {
    const watchdog = watch();
    watchdog.heartbeat();
    watchdog.loading();
    vi.advanceTimersByTime(10_000);
    expect(renderer.crashes).toBe(0);
    watchdog.heartbeat();
    vi.advanceTimersByTime(2500);
    expect(renderer.crashes).toBe(1);
    watchdog.dispose();
  });

  it("acts on Electron's own unresponsive event", () => {
    const watchdog = watch({ hangAfterMs: null });
    watchdog.unresponsive();
    expect(renderer.crashes).toBe(1);
    expect(renderer.reloads).toBe(1);
    watchdog.dispose();
  });

  it('has no hang detection without a heartbeat (the console)', () => {
    const watchdog = watch({ hangAfterMs: null });
    watchdog.heartbeat();
    vi.advanceTimersByTime(60_000);
    expect(renderer.crashes).toBe(0);
    watchdog.dispose();
  });

  it('backs off when a renderer keeps crashing, and recovers after a quiet minute', () => {
    const watchdog = watch();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      watchdog.gone('crashed', 1);
      const before = renderer.reloads;
      let waited = 0;
      while (renderer.reloads === before) {
        vi.advanceTimersByTime(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([100, 100, 100, 1000, 2000, 4000]);
    vi.advanceTimersByTime(61_000);
    watchdog.gone('crashed', 1);
    vi.advanceTimersByTime(100);
    expect(renderer.reloads).toBe(7);
    watchdog.dispose();
  });

  it('retries a page that failed to load, but not an aborted one', () => {
    const watchdog = watch();
    watchdog.failedLoad(-3, 'ERR_ABORTED', 'app://mass-start/board/index.html', true);
    watchdog.failedLoad(-6, 'ERR_FILE_NOT_FOUND', 'app://mass-start/flag.svg', false);
    vi.advanceTimersByTime(2000);
    expect(renderer.reloads).toBe(0);
    watchdog.failedLoad(-6, 'ERR_FILE_NOT_FOUND', 'app://mass-start/board/index.html', true);
    vi.advanceTimersByTime(1000);
    expect(renderer.reloads).toBe(1);
    watchdog.dispose();
  });

  it('does nothing to a destroyed renderer', () => {
    const watchdog = watch();
    watchdog.gone('crashed', 1);
    renderer.destroyed = true;
    vi.advanceTimersByTime(1000);
    watchdog.unresponsive();
    expect(renderer.reloads + renderer.crashes).toBe(0);
    watchdog.dispose();
  });
});

describe('watchRenderer', () => {
  it("feeds a WebContents' events to the watchdog and stops with it", () => {
    const contents = renderer as unknown as WebContents;
    watchRenderer(contents, { name: 'overlay', log: (line) => log.push(line) });
    renderer.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    vi.advanceTimersByTime(100);
    expect(renderer.reloads).toBe(1);
    renderer.emit('preload-error', {}, '/app/preload.cjs', new Error('boom'));
    expect(log.at(-1)).toContain('overlay preload /app/preload.cjs failed');
    renderer.emit('unresponsive');
    expect(renderer.crashes).toBe(1);
    renderer.emit('destroyed');
    expect(vi.getTimerCount()).toBe(0);
  });
});
