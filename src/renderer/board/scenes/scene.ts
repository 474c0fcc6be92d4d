import { Container } from 'pixi.js';
import type { BoardModel } from '../../../shared/board/model.ts';
import type { Animated, Animator } from '../engine/animator.ts';
import { easeOutCubic, Tween } from '../engine/tween.ts';
import type { FlagTextures } from '../flags.ts';
import type { BoardGaps } from '../gaps/present-gaps.ts';
import type { Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';

/** What every scene gets when it is made. */
export interface SceneServices {
  readonly flags: FlagTextures;
  readonly animator: Animator;
}

/** What comes with a model update. */
export interface UpdateInfo {
  /** Frame clock (performance.now()). */
  readonly now: number;
  /** False on the first draw after a show or resize: everything jumps into place. */
  readonly animate: boolean;
  /** The race the model is of; a new race gets new rows. */
  readonly raceId: string | null;
  /** The sprint banner is up (the board's banner clock). */
  readonly bannerActive: boolean;
  /** The loop's groups and gaps of the race (issue 21); null without timing: nothing changes. */
  readonly gaps: BoardGaps | null;
}

/** The one small lifecycle every scene follows (as in Pixi's creation template). */
export interface Scene {
  readonly name: string;
  readonly root: Container;
  show(now: number, animate: boolean): void;
  hide(now: number, animate: boolean): void;
  update(model: BoardModel, info: UpdateInfo): void;
  resize(viewport: Viewport, theme: Theme): void;
  /** What the scene draws now, for tests (window.__board). */
  probe(): Record<string, unknown>;
}

/**
 * A scene's root with two render groups: `chrome` (backgrounds, headers, rules: redrawn only on
 * resize) and `live` (rows, figures, banners: what changes). Shows and hides with a cross-fade.
 */
export abstract class SceneBase implements Scene, Animated {
  abstract readonly name: string;
  readonly root = new Container();
  protected readonly chrome = new Container({ isRenderGroup: true });
  protected readonly live = new Container({ isRenderGroup: true });
  private readonly fade = new Tween(0, easeOutCubic);

  constructor(protected readonly services: SceneServices) {
    this.root.addChild(this.chrome, this.live);
    this.root.visible = false;
    this.root.alpha = 0;
  }

  show(now: number, animate: boolean): void {
    this.fadeTo(1, now, animate);
  }

  hide(now: number, animate: boolean): void {
    this.fadeTo(0, now, animate);
  }

  /** Whether the scene is up (or coming up). */
  get shown(): boolean {
    return this.fade.target === 1;
  }

  step(now: number): boolean {
    const moving = this.fade.step(now);
    this.root.alpha = this.fade.value;
    this.root.visible = this.fade.value > 0;
    return moving;
  }

  abstract update(model: BoardModel, info: UpdateInfo): void;
  abstract resize(viewport: Viewport, theme: Theme): void;
  abstract probe(): Record<string, unknown>;

  /** Pages the scene shows in turn (its standings paged, issue 18); 1: nothing to turn. */
  pageCount(): number {
    return 1;
  }

  /** Shows the next page (the board's page clock, every few seconds while there are pages). */
  turnPage(_now: number): void {}

  private fadeTo(target: number, now: number, animate: boolean): void {
    if (target === 1) this.root.visible = true;
    if (!animate) {
      this.fade.set(target);
      this.root.alpha = target;
      this.root.visible = target === 1;
    } else if (this.fade.animate(target, now, 300)) this.services.animator.start(this);
  }
}
