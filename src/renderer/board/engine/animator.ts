/** Something that moves over a few frames: rows, counters, banners. */
export interface Animated {
  /** Advances to `now` and applies the values; returns whether it still moves. */
  step(now: number): boolean;
}

/**
 * The widgets that are moving now. The frame loop steps them and keeps rendering while any
 * moves; when none does the board stops rendering (../shared/docs/architecture.md, "The board").
 * A fixed array, compacted in place: stepping allocates nothing.
 */
export class Animator {
  private readonly moving: Animated[] = [];
  private count = 0;

  constructor(private readonly wake: () => void) {}

  /** Whether anything moves. */
  get active(): boolean {
    return this.count > 0;
  }

  /** Adds a widget that just started moving (once, however often it is called). */
  start(widget: Animated): void {
    for (let i = 0; i < this.count; i++) if (this.moving[i] === widget) return this.wake();
    if (this.count < this.moving.length) this.moving[this.count] = widget;
    else this.moving.push(widget);
    this.count += 1;
    this.wake();
  }

  /** Steps every moving widget; returns whether any still moves. */
  step(now: number): boolean {
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const widget = this.moving[i]!;
      if (widget.step(now)) this.moving[kept++] = widget;
    }
    for (let i = kept; i < this.count; i++) this.moving[i] = undefined as unknown as Animated;
    this.count = kept;
    return kept > 0;
  }
}
