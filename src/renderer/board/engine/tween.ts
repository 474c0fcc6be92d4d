/** Easing: slow in, slow out (rows gliding, panels sliding). */
export function easeInOutCubic(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
}

/** Easing: fast start, gentle landing (count-ups, fades in). */
export function easeOutCubic(t: number): number {
  return 1 - Math.pow(1 - t, 3);
}

/**
 * One animated number, allocated once with its widget and reused for every change, so the frame
 * loop allocates nothing. A new target mid-flight starts from where the value is: no jumps.
 */
export class Tween {
  value: number;
  private from: number;
  private to: number;
  private start = 0;
  private duration = 0;
  active = false;

  constructor(
    value = 0,
    private readonly ease: (t: number) => number = easeInOutCubic,
  ) {
    this.value = this.from = this.to = value;
  }

  /** The value it is heading for. */
  get target(): number {
    return this.to;
  }

  /** Jumps to a value (first layout, resize). */
  set(value: number): void {
    this.value = this.from = this.to = value;
    this.active = false;
  }

  /** Heads for `to` over `duration` ms from `now`; returns whether anything will move. */
  animate(to: number, now: number, duration: number): boolean {
    if (to === this.to) return this.active;
    this.from = this.value;
    this.to = to;
    this.start = now;
    this.duration = duration;
    this.active = duration > 0 && this.from !== to;
    if (!this.active) this.value = to;
    return this.active;
  }

  /** Advances to `now`; returns whether it is still moving. */
  step(now: number): boolean {
    if (!this.active) return false;
    const t = (now - this.start) / this.duration;
    if (t >= 1) {
      this.value = this.to;
      this.active = false;
      return false;
    }
    this.value = this.from + (this.to - this.from) * this.ease(t < 0 ? 0 : t);
    return true;
  }
}
