// The window layout, kept in DATA/window-layout.json so a restart puts every window back:
// console bounds, and for board and overlay whether they were open and on which display.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../host/atomic-file.ts';
import { describeIssues } from '../../shared/validation.ts';

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});

const displayMemorySchema = z.object({
  id: z.number(),
  label: z.string().max(500),
  bounds: rectSchema,
});

const outputLayoutSchema = z.object({
  open: z.boolean().default(false),
  /** The operator's choice: a display, an ordinary window, or none yet (null: automatic). */
  choice: z
    .union([displayMemorySchema, z.literal('window')])
    .nullable()
    .default(null),
  /** Where the output's window was, when shown as a window. */
  windowBounds: rectSchema.nullable().default(null),
});

/** The saved layout; unknown or missing keys fall back to defaults, so old files still load. */
export const windowLayoutSchema = z.object({
  version: z.literal(1).default(1),
  console: z
    .object({ bounds: rectSchema.nullable().default(null), maximized: z.boolean().default(false) })
    .prefault({}),
  board: outputLayoutSchema.prefault({}),
  overlay: outputLayoutSchema.prefault({}),
  testPattern: z.boolean().default(false),
});
export type WindowLayout = z.output<typeof windowLayoutSchema>;
export type OutputLayout = WindowLayout['board'];

/** The layout of a first start: the console only. */
export const defaultWindowLayout = (): WindowLayout => windowLayoutSchema.parse({});

/** Where the layout is kept. */
export const windowLayoutPath = (dataDir: string) => join(dataDir, 'window-layout.json');

/** Reads the saved layout; a missing file is a first start, an unreadable one is logged and replaced. */
export async function readWindowLayout(
  dataDir: string,
  log: (line: string) => void = () => undefined,
): Promise<WindowLayout> {
  let text: string;
  try {
    text = await readFile(windowLayoutPath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log(`window layout not readable, using the default: ${(error as Error).message}`);
    return defaultWindowLayout();
  }
  try {
    const parsed = windowLayoutSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { ...parsed.data, testPattern: false };
    log(`window layout ignored (${describeIssues(parsed.error, '', '; ')}), using the default`);
  } catch (error) {
    log(`window layout ignored (${(error as Error).message}), using the default`);
  }
  return defaultWindowLayout();
}

/** Writes the layout atomically (temp file, fsync, rename). */
export function writeWindowLayout(dataDir: string, layout: WindowLayout): Promise<void> {
  return writeFileAtomic(windowLayoutPath(dataDir), `${JSON.stringify(layout, null, 2)}\n`);
}

/** Timers, injectable so tests can use fake ones. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Holds the current layout and saves it a moment after the last change (windows report every
 * pixel of a drag); `flush` saves at once, e.g. before quitting. Writes never overlap.
 */
export class LayoutStore {
  private pending: unknown = null;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly dataDir: string,
    private current: WindowLayout,
    private readonly options: {
      readonly delayMs?: number;
      readonly log?: (line: string) => void;
      readonly timers?: Timers;
    } = {},
  ) {}

  /** The layout now. */
  get layout(): WindowLayout {
    return this.current;
  }

  /** Changes the layout and schedules a save (nothing happens when nothing changed). */
  update(change: (layout: WindowLayout) => WindowLayout): void {
    const next = change(this.current);
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.dirty = true;
    const timers = this.options.timers ?? realTimers;
    if (this.pending !== null) timers.clearTimeout(this.pending);
    this.pending = timers.setTimeout(() => {
      this.pending = null;
      void this.flush();
    }, this.options.delayMs ?? 500);
  }

  /** Saves now if anything changed; resolves when the file is on disk. */
  flush(): Promise<void> {
    if (this.pending !== null) {
      (this.options.timers ?? realTimers).clearTimeout(this.pending);
      this.pending = null;
    }
    if (!this.dirty) return this.writing;
    this.dirty = false;
    const layout = this.current;
    this.writing = this.writing
      .then(() => writeWindowLayout(this.dataDir, layout))
      .catch((error: Error) => this.options.log?.(`window layout not saved: ${error.message}`));
    return this.writing;
  }
}
