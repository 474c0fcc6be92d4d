import { Application, Container, Ticker } from 'pixi.js';
// The page's CSP forbids eval (script-src 'self'): Pixi's shader sync functions come precompiled.
import 'pixi.js/unsafe-eval';
import type { BoardModel } from '../../shared/board/model.ts';
import { Animator } from './engine/animator.ts';
import {
  isSoftwareRenderer,
  limitBatchTextures,
  webglRendererName,
} from './engine/software-renderer.ts';
import { FrameLoop } from './engine/frame-loop.ts';
import { FlagTextures } from './flags.ts';
import type { BoardGaps } from './gaps/present-gaps.ts';
import { pageSeconds } from './paging.ts';
import { glyphResolution, installBitmapFonts, loadWebFont } from './fonts.ts';
import { viewportFor, type Viewport } from './layout.ts';
import { BlankScene } from './scenes/blank-scene.ts';
import { LiveScene } from './scenes/live-scene.ts';
import { OverlayScene } from './scenes/overlay-scene.ts';
import { ResultsScene } from './scenes/results-scene.ts';
import type { SceneBase, SceneServices, UpdateInfo } from './scenes/scene.ts';
import { StartListScene } from './scenes/start-list-scene.ts';
import { themeFor, type Theme } from './theme.ts';
import { Backdrop } from './widgets/backdrop.ts';

/** The venue board (full screen) or the broadcast overlay (transparent or chroma key). */
export type Output = 'board' | 'overlay';

/** What comes with each model: which push it is and what the board adds. */
export interface Presentation {
  /** Host revision of the snapshot. */
  readonly revision: number;
  readonly raceId: string | null;
  readonly bannerActive: boolean;
  /** When the push arrived (performance.now()), to time push-to-frame. */
  readonly receivedAt: number;
  /** The loop's groups and gaps for this state (issue 21); left out: the ones held stay. */
  readonly gaps?: BoardGaps | null;
}

/**
 * The board: one Pixi application rendered on demand, the scenes of its output, and the model
 * they draw. Pushes update the scenes (compare and assign) and ask for one frame; frames repeat
 * only while something animates.
 */
export class BoardApp {
  readonly animator: Animator;
  readonly loop: FrameLoop;
  readonly flags: FlagTextures;
  readonly fontsLoaded: boolean;
  private readonly scenes: Readonly<Record<string, SceneBase>>;
  private current: SceneBase | null = null;
  private viewport: Viewport;
  private theme: Theme = themeFor('default');
  private safeArea = 0.05;
  private glyphs: number;
  private readonly backdrop: Backdrop | null;
  model: BoardModel | null = null;
  revision = 0;
  renderedRevision = 0;
  lastPushToFrameMs: number | null = null;
  /** Epoch time (performance.timeOrigin based) the last push was shown, for cross-process timing. */
  lastShownEpochMs: number | null = null;
  private pending: Presentation | null = null;
  private raceId: string | null = null;
  private bannerActive = false;
  private gaps: BoardGaps | null = null;
  /** The page clock (issue 18): a timer, never a frame loop, so an idle board draws nothing. */
  private pageTimer: ReturnType<typeof setTimeout> | null = null;
  private pagedScene: SceneBase | null = null;
  /** How long a page stays up. */
  pageMs = pageSeconds * 1000;

  private constructor(
    readonly app: Application,
    readonly output: Output,
    fontsLoaded: boolean,
    glyphs: number,
    /** The WebGL renderer's name, and whether it runs on the CPU. */
    readonly gpu: string,
    readonly software: boolean,
  ) {
    this.fontsLoaded = fontsLoaded;
    this.glyphs = glyphs;
    this.loop = new FrameLoop((now) => this.draw(now));
    this.animator = new Animator(this.loop.invalidate);
    this.flags = new FlagTextures(this.loop.invalidate);
    const services: SceneServices = { flags: this.flags, animator: this.animator };
    this.viewport = viewportFor(app.screen.width, app.screen.height, this.safeArea);
    this.scenes =
      output === 'board'
        ? {
            blank: new BlankScene(services),
            startList: new StartListScene(services),
            live: new LiveScene(services),
            results: new ResultsScene(services),
          }
        : { overlay: new OverlayScene(services) };
    this.backdrop = output === 'board' ? new Backdrop() : null;
    const root = new Container();
    if (this.backdrop) root.addChild(this.backdrop);
    for (const scene of Object.values(this.scenes)) root.addChild(scene.root);
    app.stage.addChild(root);
    this.layout();
  }

  /** Starts Pixi with WebGL (WebGPU is not used: it does not run headless, and WebGL is enough). */
  static async create(output: Output, canvasParent: HTMLElement): Promise<BoardApp> {
    const gpu = webglRendererName();
    const software = isSoftwareRenderer(gpu);
    if (software) limitBatchTextures(1);
    const app = new Application();
    await app.init({
      preference: 'webgl',
      autoStart: false,
      sharedTicker: false,
      resizeTo: undefined,
      width: window.innerWidth,
      height: window.innerHeight,
      resolution: window.devicePixelRatio || 1,
      autoDensity: true,
      // Multisampling is free on a GPU, a full extra pass per frame on a software renderer.
      antialias: !software,
      background: 0x000000,
      // The overlay keys over the programme: transparent until a chroma key is set.
      backgroundAlpha: output === 'overlay' ? 0 : 1,
      eventFeatures: { move: false, globalMove: false, click: false, wheel: false },
    });
    app.stage.eventMode = 'none';
    app.stage.interactiveChildren = false;
    // Render on demand only: no ticker runs while the board is idle (Pixi's system ticker
    // drives texture GC and pointer events, neither of which a scoreboard needs).
    app.ticker.stop();
    Ticker.system.autoStart = false;
    Ticker.system.stop();
    Ticker.shared.autoStart = false;
    Ticker.shared.stop();
    canvasParent.append(app.canvas);
    const fontsLoaded = await loadWebFont();
    const glyphs = glyphResolution(
      viewportFor(window.innerWidth, window.innerHeight, 0).scale * (window.devicePixelRatio || 1),
    );
    installBitmapFonts(glyphs);
    return new BoardApp(app, output, fontsLoaded, glyphs, gpu, software);
  }

  /** The renderer Pixi chose: 'webgl', 'webgpu' or 'canvas'. */
  get rendererName(): string {
    return this.app.renderer.name;
  }

  /** Nothing moves and no frame is pending. */
  get idle(): boolean {
    return !this.animator.active && !this.loop.pending;
  }

  /** Which scene is up. */
  get sceneName(): string {
    return this.current?.name ?? 'none';
  }

  get layoutInfo(): Viewport {
    return this.viewport;
  }

  get themeName(): string {
    return this.theme.name;
  }

  /** Draws a model: updates the scene it needs (compare and assign) and asks for a frame. */
  present(model: BoardModel, presentation: Presentation): void {
    const started = performance.now();
    this.model = model;
    this.revision = presentation.revision;
    this.pending = presentation;
    this.raceId = presentation.raceId;
    this.bannerActive = presentation.bannerActive;
    if (model.theme !== this.theme.name || model.safeArea !== this.safeArea) {
      this.theme = themeFor(model.theme);
      this.safeArea = model.safeArea;
      this.layout();
    }
    this.applyBackground(model);
    if (presentation.gaps !== undefined) this.gaps = presentation.gaps;
    const next = this.sceneFor(model);
    const now = performance.now();
    if (next !== this.current) {
      next.update(model, this.updateInfo(now, false));
      this.current?.hide(now, true);
      next.show(now, this.current !== null);
      this.current = next;
    } else {
      next.update(model, this.updateInfo(now, true));
    }
    this.loop.recordUpdate(performance.now() - started);
    this.loop.invalidate();
    this.schedulePage();
  }

  /**
   * The loop's groups and gaps changed (issue 21; they come on their own, between the host's
   * states): the scene up draws them with the model it has (compare and assign).
   */
  presentGaps(gaps: BoardGaps | null): void {
    this.gaps = gaps;
    if (!this.model || !this.current) return;
    const started = performance.now();
    this.current.update(this.model, this.updateInfo(started, true));
    this.loop.recordUpdate(performance.now() - started);
    this.loop.invalidate();
    this.schedulePage();
  }

  /** The groups and gaps drawn now (window.__board.gaps); null without timing. */
  get gapsShown(): BoardGaps | null {
    return this.gaps;
  }

  private updateInfo(now: number, animate: boolean): UpdateInfo {
    return {
      now,
      animate,
      raceId: this.raceId,
      bannerActive: this.bannerActive,
      gaps: this.gaps,
    };
  }

  /**
   * Keeps the page clock running while the scene up has pages to turn: each turn is one change
   * (rows glide to the next page), then nothing is drawn until the next. A new scene starts
   * its first page afresh; a push does not restart the clock (pushes come every lap).
   */
  private schedulePage(): void {
    const scene = this.current;
    const paging = scene !== null && scene.pageCount() > 1;
    if (paging && this.pageTimer !== null && this.pagedScene === scene) return;
    if (this.pageTimer !== null) clearTimeout(this.pageTimer);
    this.pageTimer = null;
    this.pagedScene = paging ? scene : null;
    if (paging) this.pageTimer = setTimeout(this.turnPage, this.pageMs);
  }

  private readonly turnPage = (): void => {
    this.pageTimer = null;
    this.current?.turnPage(performance.now());
    this.loop.invalidate();
    this.schedulePage();
  };

  /** The output changed size. */
  resize(width: number, height: number): void {
    this.app.renderer.resize(width, height);
    const needed = glyphResolution(
      viewportFor(width, height, 0).scale * (window.devicePixelRatio || 1),
    );
    if (needed > this.glyphs) {
      // Glyphs were drawn for a smaller output: start again at the new size (the host resends
      // the full state on connect), rather than show soft text on a bigger screen.
      window.location.reload();
      return;
    }
    this.layout();
  }

  /** What the current scene draws. */
  probe(): Record<string, unknown> {
    return { scene: this.sceneName, ...(this.current?.probe() ?? {}) };
  }

  private sceneFor(model: BoardModel): SceneBase {
    const scenes = this.scenes;
    if (this.output === 'overlay') return scenes.overlay!;
    if (model.empty) return scenes.blank!;
    switch (model.scene) {
      case 'startList':
        return scenes.startList!;
      case 'live':
      case 'sprint':
        return scenes.live!;
      case 'results':
        return scenes.results!;
      default:
        return scenes.blank!;
    }
  }

  private layout(): void {
    this.viewport = viewportFor(this.app.screen.width, this.app.screen.height, this.safeArea);
    const root = this.app.stage.children[0]!;
    root.scale.set(this.viewport.scale);
    this.backdrop?.layout(this.viewport, this.theme, this.app.renderer);
    for (const scene of Object.values(this.scenes)) scene.resize(this.viewport, this.theme);
    if (this.model && this.current)
      this.current.update(this.model, this.updateInfo(performance.now(), false));
    this.loop.invalidate();
  }

  private applyBackground(model: BoardModel): void {
    if (this.output !== 'overlay') return;
    const background = this.app.renderer.background;
    const chroma = model.overlay.chromaKey;
    const alpha = chroma ? 1 : 0;
    if (background.alpha !== alpha) background.alpha = alpha;
    if (chroma && background.color.toHex() !== chroma.toLowerCase()) background.color = chroma;
  }

  private draw(now: number): boolean {
    const moving = this.animator.step(now);
    this.app.renderer.render(this.app.stage);
    const shown = this.pending;
    if (shown) {
      this.pending = null;
      const end = performance.now();
      this.lastPushToFrameMs = end - shown.receivedAt;
      this.lastShownEpochMs = performance.timeOrigin + end;
      this.renderedRevision = shown.revision;
    }
    return moving;
  }
}
