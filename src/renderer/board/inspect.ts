import type { BoardApp } from './board-app.ts';
import type { BoardGaps } from './gaps/present-gaps.ts';
import { textBoxes, type TextBox } from './text-boxes.ts';

/** Every requestAnimationFrame callback on the page, by anyone (the idle check counts them). */
let animationFrames = 0;

/** Counts animation frame callbacks from here on (call before Pixi starts). */
export function countAnimationFrames(): void {
  const original = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    original((time) => {
      animationFrames += 1;
      callback(time);
    });
}

/** Percentile of the samples (0..1). */
function percentile(samples: number[], share: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/** Samples of a ring buffer taken since `from` (a running count). */
function since(buffer: Float64Array, count: number, from: number): number[] {
  const samples: number[] = [];
  for (let i = Math.max(from, count - buffer.length); i < count; i++)
    samples.push(buffer[i % buffer.length]!);
  return samples;
}

/** The scene description tests and the bench read: `window.__board`. */
export interface BoardInspection {
  ready: boolean;
  error: string | null;
  connection: string;
  readonly output: string;
  readonly renderer: string;
  /** The WebGL renderer's name and whether it is a software one (SwiftShader in CI). */
  readonly gpu: { name: string; software: boolean };
  readonly scene: string;
  readonly revision: number;
  readonly renderedRevision: number;
  readonly framesRendered: number;
  readonly animationFrames: number;
  readonly idle: boolean;
  readonly model: unknown;
  readonly rows: unknown;
  readonly lastPushToFrameMs: number | null;
  readonly lastShownEpochMs: number | null;
  readonly layout: unknown;
  readonly theme: string;
  readonly fontsLoaded: boolean;
  readonly flags: string[];
  readonly background: { color: string; alpha: number };
  probe(): Record<string, unknown>;
  flagsSettled(): Promise<void>;
  /** Raw script times (ms) of the frames and model updates since the given counts. */
  samples(fromFrame: number, fromUpdate: number): { frames: number[]; updates: number[] };
  stats(
    fromFrame: number,
    fromUpdate: number,
  ): {
    frames: number;
    updates: number;
    frameP50: number;
    frameP95: number;
    frameMax: number;
    updateP50: number;
    updateP95: number;
    updateMax: number;
  };
  /** Every visible text of the current scene as drawn, one ink box per line (text-boxes.ts). */
  textBoxes(): TextBox[];
  /**
   * The loop's groups and gaps as the board draws them (issue 21): the breakaway strip's text,
   * the gap column, the overlay's lower third and gap bug; null without timing for this race.
   */
  readonly gaps: BoardGaps | null;
}

/** Builds `window.__board` over a running board. */
export function inspection(board: BoardApp): BoardInspection {
  return {
    ready: false,
    error: null,
    connection: 'connecting',
    output: board.output,
    get renderer() {
      return board.rendererName;
    },
    gpu: { name: board.gpu, software: board.software },
    get scene() {
      return board.sceneName === 'live' && board.model?.scene === 'sprint'
        ? 'sprint'
        : board.sceneName;
    },
    get revision() {
      return board.revision;
    },
    get renderedRevision() {
      return board.renderedRevision;
    },
    get framesRendered() {
      return board.loop.framesRendered;
    },
    get animationFrames() {
      return animationFrames;
    },
    get idle() {
      return board.idle;
    },
    get model() {
      return board.model;
    },
    get rows() {
      return board.probe().rows ?? [];
    },
    get lastPushToFrameMs() {
      return board.lastPushToFrameMs;
    },
    get lastShownEpochMs() {
      return board.lastShownEpochMs;
    },
    get layout() {
      return board.layoutInfo;
    },
    get theme() {
      return board.themeName;
    },
    get fontsLoaded() {
      return board.fontsLoaded;
    },
    get flags() {
      return board.flags.loaded();
    },
    get background() {
      const background = board.app.renderer.background;
      return { color: background.color.toHex(), alpha: background.alpha };
    },
    probe: () => board.probe(),
    flagsSettled: () => board.flags.settled(),
    samples: (fromFrame, fromUpdate) => ({
      frames: since(board.loop.frameMs, board.loop.framesRendered, fromFrame),
      updates: since(board.loop.updateMs, board.loop.updates, fromUpdate),
    }),
    stats: (fromFrame, fromUpdate) => {
      const frames = since(board.loop.frameMs, board.loop.framesRendered, fromFrame);
      const updates = since(board.loop.updateMs, board.loop.updates, fromUpdate);
      return {
        frames: frames.length,
        updates: updates.length,
        frameP50: percentile(frames, 0.5),
        frameP95: percentile(frames, 0.95),
        frameMax: percentile(frames, 1),
        updateP50: percentile(updates, 0.5),
        updateP95: percentile(updates, 0.95),
        updateMax: percentile(updates, 1),
      };
    },
    textBoxes: () =>
      textBoxes(board.app.stage, board.app.renderer, board.layoutInfo, board.sceneName),
    get gaps() {
      return board.gapsShown;
    },
  };
}
