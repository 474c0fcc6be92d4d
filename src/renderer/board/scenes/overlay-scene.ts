import { bannerRemainingMs, type BannerState } from '../../../shared/board/banner.ts';
import type { BoardModel } from '../../../shared/board/model.ts';
import { nextStandingsWindow, overlayOnAir } from '../../../shared/board/overlay-on-air.ts';
import type { OverlayElement } from '../../../shared/protocol/program.ts';
import {
  breakawayRemainingMs,
  nextBreakawayWindow,
  type BreakawayClockState,
} from '../gaps/breakaway-clock.ts';
import type { Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { Fader } from '../widgets/fader.ts';
import { GapBug } from '../widgets/gap-bug.ts';
import { LowerThird } from '../widgets/lower-third.ts';
import { OverlayBug } from '../widgets/overlay-bug.ts';
import { OverlayStandings, standingsLinesThatFit } from '../widgets/overlay-standings.ts';
import { SceneBase, type SceneServices, type UpdateInfo } from './scene.ts';

/** Sizes on the 1080-high virtual canvas. */
const bugHeight = 60;
/** The bug grows with what it says up to this width (the bell's "LAST LAP · FINAL SPRINT · ..."). */
const bugMaxWidth = 640;
const panelWidth = 540;
const gap = 12;
/** The gap bug's widest ("AUSREISSER +12.9 s ↑"). */
const gapBugMaxWidth = 420;
/** The lower thirds, one on air at a time. */
type LowerThirdName = 'sprint' | 'result' | 'needs' | 'breakaway';
const lowerThirdNames: readonly LowerThirdName[] = ['sprint', 'result', 'needs', 'breakaway'];
/** Room kept for a lower third under a standings panel in a top corner (three rows of lines). */
const lowerThirdRoom = 240;

/**
 * The broadcast overlay (`?output=overlay`, issue 18 part 5): broadcast graphics on a
 * transparent (or chroma-key) background, all on opaque plates inside the safe area. In the
 * chosen corner a one-line laps bug and, under it, the standings with their title strip; at the
 * bottom one lower third at a time: the result, a sprint's placings, what they need. The host
 * cuts elements in and out; the standings after each sprint, while the overlay follows the
 * race, are timed here from the sprint result's key (overlay-on-air.ts), as the sprint banner is.
 * From the loop (issue 21): the breakaway lower third, timed here too when the overlay follows
 * the race (breakaway-clock.ts), and the gap bug beside the laps bug.
 */
export class OverlayScene extends SceneBase {
  readonly name = 'overlay';
  private readonly elements: Record<OverlayElement, Fader>;
  private readonly bug = new OverlayBug();
  private readonly standings: OverlayStandings;
  private readonly lowerThirds: Record<LowerThirdName, LowerThird>;
  private readonly gapBug = new GapBug();
  private breakawayClock: BreakawayClockState | null = null;
  private bugLayout = { x: 0, right: 0, y: 0, left: true, top: true, width: 0 };
  private viewport: Viewport | null = null;
  private theme: Theme | null = null;
  private layoutKey = '';
  private raceId: string | null | undefined = undefined;
  private standingsClock: BannerState | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last: { model: BoardModel; info: UpdateInfo } | null = null;
  private onAir: Readonly<Record<OverlayElement, boolean>> = {
    lapsToGo: false,
    standings: false,
    sprint: false,
    result: false,
    needs: false,
    breakaway: false,
    gap: false,
  };

  constructor(services: SceneServices) {
    super(services);
    const { animator, flags } = services;
    this.elements = {
      lapsToGo: new Fader(animator),
      standings: new Fader(animator),
      sprint: new Fader(animator),
      result: new Fader(animator),
      needs: new Fader(animator),
      breakaway: new Fader(animator),
      gap: new Fader(animator),
    };
    this.standings = new OverlayStandings(flags);
    this.lowerThirds = {
      sprint: new LowerThird(flags, 'sprint'),
      result: new LowerThird(flags, 'result'),
      needs: new LowerThird(flags, 'needs'),
      breakaway: new LowerThird(flags, 'breakaway'),
    };
    this.elements.lapsToGo.addChild(this.bug);
    this.elements.standings.addChild(this.standings);
    this.elements.sprint.addChild(this.lowerThirds.sprint);
    this.elements.result.addChild(this.lowerThirds.result);
    this.elements.needs.addChild(this.lowerThirds.needs);
    this.elements.breakaway.addChild(this.lowerThirds.breakaway);
    this.elements.gap.addChild(this.gapBug);
    for (const [name, fader] of Object.entries(this.elements)) fader.label = name;
    this.live.addChild(
      this.elements.standings,
      this.elements.lapsToGo,
      this.elements.gap,
      this.elements.needs,
      this.elements.breakaway,
      this.elements.sprint,
      this.elements.result,
    );
  }

  resize(viewport: Viewport, theme: Theme): void {
    this.viewport = viewport;
    this.theme = theme;
    this.layoutKey = '';
  }

  update(model: BoardModel, info: UpdateInfo): void {
    this.last = { model, info };
    if (info.raceId !== this.raceId) {
      // Another race on the overlay: remember its newest sprint, do not replay it.
      this.raceId = info.raceId;
      this.standingsClock = null;
      this.breakawayClock = null;
    }
    const { overlay } = model;
    const { gaps } = info;
    this.standingsClock = nextStandingsWindow(this.standingsClock, overlay, info.now);
    // The break's clock starts with the first groups the overlay gets (timing on): a break
    // already away then is recorded, not put up again (an overlay that reconnects).
    if (gaps)
      this.breakawayClock = nextBreakawayWindow(
        this.breakawayClock,
        gaps.breakaway,
        info.now,
        overlay.afterSprintSeconds,
      );
    this.schedule(info.now);
    const corner = `${overlay.position}|${overlay.top}`;
    if (!this.layoutKey.startsWith(`${corner}|`)) this.relayout(model, `${corner}|false`);
    this.onAir = overlayOnAir(overlay, model.empty, {
      bannerActive: info.bannerActive,
      standingsWindow: this.standingsClock.active,
      breakaway: gaps
        ? { now: gaps.breakaway !== null, window: this.breakawayClock?.active === true }
        : undefined,
    });
    const animate = info.animate && this.shown;
    this.bug.update(overlay.bug);
    if (gaps?.bug) this.gapBug.update(gaps.bug);
    // In a bottom corner the lower thirds share the bottom line: a gap bug that does not fit
    // beside the laps bug within the corner's width stands over it, and the standings move up.
    const over = this.gapOverBug();
    if (`${corner}|${over}` !== this.layoutKey) this.relayout(model, `${corner}|${over}`);
    this.placeGapBug(over);
    this.standings.update(overlay.standings);
    const lowerThirds = { ...overlay, breakaway: gaps?.lowerThird ?? null };
    for (const name of lowerThirdNames) {
      const lowerThird = lowerThirds[name];
      // A lower third keeps its last words while it fades out.
      if (lowerThird && this.onAir[name]) this.lowerThirds[name].update(lowerThird);
    }
    for (const [name, fader] of Object.entries(this.elements))
      fader.setShown(this.onAir[name as OverlayElement], info.now, animate);
  }

  probe(): Record<string, unknown> {
    const standings = this.standings.probe();
    const lowerThird = (name: LowerThirdName) => ({
      shown: this.onAir[name],
      ...this.lowerThirds[name].probe(),
    });
    return {
      elements: { ...this.onAir },
      bug: { shown: this.onAir.lapsToGo, ...this.bug.probe() },
      rows: this.onAir.standings ? standings.lines : [],
      standings: { shown: this.onAir.standings, ...standings },
      banner: lowerThird('sprint'),
      result: lowerThird('result'),
      needs: lowerThird('needs'),
      breakaway: lowerThird('breakaway'),
      gap: { shown: this.onAir.gap, ...this.gapBug.probe() },
      bounds: Object.fromEntries(
        Object.entries(this.elements).map(([name, fader]) => [name, boundsOf(fader)]),
      ),
    };
  }

  /** Whether the gap bug stands over the laps bug (a bottom corner without room beside it). */
  private gapOverBug(): boolean {
    const { top, width } = this.bugLayout;
    if (top || !this.onAir.gap || !this.onAir.lapsToGo) return false;
    return this.bug.bugWidth + gap + this.gapBug.bugWidth > Math.min(bugMaxWidth, width);
  }

  /** The gap bug beside the laps bug, over it, or in its place when the laps bug is out. */
  private placeGapBug(over: boolean): void {
    const { x, right, y, left } = this.bugLayout;
    const beside = this.onAir.lapsToGo && !over ? this.bug.bugWidth + gap : 0;
    const width = this.gapBug.bugWidth;
    this.gapBug.position.set(
      left ? x + beside : right - beside - width,
      over ? y - bugHeight - gap : y,
    );
  }

  /** Comes back when the standings' or the breakaway's time is up, to take them out. */
  private schedule(now: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const times = [
      this.standingsClock ? bannerRemainingMs(this.standingsClock, now) : 0,
      this.breakawayClock ? breakawayRemainingMs(this.breakawayClock, now) : 0,
    ].filter((ms) => ms > 0);
    if (times.length === 0) return;
    const remaining = Math.min(...times);
    this.timer = setTimeout(() => {
      this.timer = null;
      const last = this.last;
      if (last) this.update(last.model, { ...last.info, now: performance.now(), animate: true });
    }, remaining + 5);
  }

  /** The corner stack (bug, standings) and the lower thirds' room beside or under it. */
  private relayout(model: BoardModel, key: string): void {
    const viewport = this.viewport;
    const theme = this.theme;
    if (!viewport || !theme) return;
    this.layoutKey = key;
    const { safe } = viewport;
    const { position } = model.overlay;
    const top = position.startsWith('top');
    const left = position.endsWith('left');
    const right = safe.x + safe.width;
    const bottom = safe.y + safe.height;
    const bugY = top ? safe.y : bottom - bugHeight;
    const bugWidth = Math.min(bugMaxWidth, safe.width);
    this.bug.layout(left ? safe.x : right, bugY, bugHeight, bugWidth, !left, theme);
    this.bugLayout = { x: safe.x, right, y: bugY, left, top, width: safe.width };
    this.gapBug.layout(bugHeight, Math.min(gapBugMaxWidth, safe.width - bugWidth - gap), theme);
    // The standings under the bug (over it in a bottom corner, and over the gap bug when that
    // stands over the bug), never into a lower third.
    const raised = key.endsWith('|true') ? bugHeight + gap : 0;
    const room = top
      ? safe.height - bugHeight - gap - lowerThirdRoom - gap
      : safe.height - bugHeight - gap - raised;
    const width = Math.min(panelWidth, safe.width);
    this.standings.layout(
      {
        x: left ? safe.x : right - width,
        edge: top ? bugY + bugHeight + gap : bugY - gap - raised,
        growsUp: !top,
        width,
        maxLines: standingsLinesThatFit(room),
      },
      theme,
    );
    // Lower thirds: centred under a stack in a top corner; beside it in a bottom corner.
    const stack = Math.max(bugWidth, width) + gap;
    const area = top
      ? { x: safe.x, width: safe.width, bottom, align: 'center' as const }
      : left
        ? { x: safe.x + stack, width: safe.width - stack, bottom, align: 'right' as const }
        : { x: safe.x, width: safe.width - stack, bottom, align: 'left' as const };
    for (const lowerThird of Object.values(this.lowerThirds)) lowerThird.layout(area, theme);
  }
}

function boundsOf(fader: Fader): { x: number; y: number; width: number; height: number } | null {
  if (!fader.shown) return null;
  const bounds = fader.getBounds();
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
}
