import { bannerRemainingMs, nextBanner, type BannerState } from '../../shared/board/banner.ts';
import type { BoardModel } from '../../shared/board/model.ts';
import { presentBoard, scene } from '../../shared/board/presenter.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';

/** A snapshot turned into a model, with the banner state it was made with. */
export interface Presented {
  readonly model: BoardModel;
  readonly bannerActive: boolean;
}

/**
 * The sprint banner's clock: the board, not the host, decides how long the banner stays up
 * (display settings, `sprintBannerSeconds`). Presents each snapshot, and presents the last one
 * again when the banner's time is up so the live scene comes back on its own.
 */
export class BannerClock {
  private state: BannerState | null = null;
  private raceId: string | null | undefined = undefined;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last: HostSnapshotMessage | null = null;

  constructor(
    private readonly onExpired: (snapshot: HostSnapshotMessage) => void,
    /** The board page's own layout (`?layout=far|dense`), over the meeting's setting. */
    private readonly layout?: 'far' | 'dense',
  ) {}

  present(snapshot: HostSnapshotMessage, now: number): Presented {
    this.last = snapshot;
    const raceId = snapshot.race?.id ?? null;
    if (raceId !== this.raceId) {
      // A new race (or the first snapshot): remember its newest sprint, do not replay it.
      this.raceId = raceId;
      this.state = null;
    }
    const quiet = presentBoard(snapshot, { bannerActive: false, layout: this.layout });
    this.state = nextBanner(
      this.state,
      quiet.sprintResult?.key ?? null,
      now,
      snapshot.program.display.sprintBannerSeconds,
    );
    this.schedule(now);
    if (!this.state.active) return { model: quiet, bannerActive: false };
    // The banner only changes the scene: no second pass through the presenter.
    return {
      model: { ...quiet, scene: scene(quiet.scene, true, quiet.sprintResult) },
      bannerActive: true,
    };
  }

  /** Milliseconds the banner stays up (0: down). */
  remainingMs(now: number): number {
    return this.state ? bannerRemainingMs(this.state, now) : 0;
  }

  private schedule(now: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const remaining = this.remainingMs(now);
    if (remaining <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.last) this.onExpired(this.last);
    }, remaining + 5);
  }
}
