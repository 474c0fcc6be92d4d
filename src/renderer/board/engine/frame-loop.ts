/** Frame-time samples kept for the bench (a ring buffer; no allocation per frame). */
const sampleCount = 4096;

/**
 * Renders on demand: a frame is requested when something changed and repeated only while an
 * animation runs. An idle board requests no frames at all (the Pixi ticker is never started).
 */
export class FrameLoop {
  framesRendered = 0;
  /** Script time of each frame (animation step + render), ms. */
  readonly frameMs = new Float64Array(sampleCount);
  /** Script time of each model update (compare and assign), ms. */
  readonly updateMs = new Float64Array(sampleCount);
  updates = 0;
  private requested = false;

  constructor(private readonly draw: (now: number) => boolean) {}

  /** Asks for one frame (at most one is pending). */
  invalidate = (): void => {
    if (this.requested) return;
    this.requested = true;
    requestAnimationFrame(this.tick);
  };

  /** Whether a frame is pending. */
  get pending(): boolean {
    return this.requested;
  }

  /** Records the script time of a model update. */
  recordUpdate(ms: number): void {
    this.updateMs[this.updates % sampleCount] = ms;
    this.updates += 1;
  }

  private readonly tick = (now: number): void => {
    this.requested = false;
    const started = performance.now();
    const moving = this.draw(now);
    this.frameMs[this.framesRendered % sampleCount] = performance.now() - started;
    this.framesRendered += 1;
    if (moving) this.invalidate();
  };
}
