import { bannerRemainingMs, type BannerState } from '../../../shared/board/banner.ts';
import type { BoardModel } from '../../../shared/board/model.ts';
import { nextStandingsWindow, overlayOnAir } from '../../../shared/board/overlay-on-air.ts';
import type { OverlayElement } from '../../../shared/protocol/program.ts';
import type { Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { Fader } from '../widgets/fader.ts';
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
/** Room kept for a lower third under a standings panel in a top corner (three rows of lines). */
const lowerThirdRoom = 240;

/**
 * The broadcast overlay (`?output=overlay`, issue 18 part 5): broadcast graphics on a
 * transparent (or chroma-key) background, all on opaque plates inside the safe area. In the
 * chosen corner a one-line laps bug and, under it, the standings with their title strip; at the
 * bottom one lower third at a time: the result, a sprint's placings, what they need. The host
 * cuts elements in and out; the standings after each sprint, while the overlay follows the
 * race, are timed here from the sprint result's key (overlay-on-air.ts), as the sprint banner is.
 */
export class OverlayScene extends SceneBase {
  readonly name = 'overlay';
  private readonly elements: Record<OverlayElement, Fader>;
  private readonly bug = new OverlayBug();
  private readonly standings: OverlayStandings;
  private readonly lowerThirds: Record<'sprint' | 'result' | 'needs', LowerThird>;
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
    };
    this.standings = new OverlayStandings(flags);
    this.lowerThirds = {
      sprint: new LowerThird(flags, 'sprint'),
      result: new LowerThird(flags, 'result'),
      needs: new LowerThird(flags, 'needs'),
    };
    this.elements.lapsToGo.addChild(this.bug);
    this.elements.standings.addChild(this.standings);
    this.elements.sprint.addChild(this.lowerThirds.sprint);
    this.elements.result.addChild(this.lowerThirds.result);
    this.elements.needs.addChild(this.lowerThirds.needs);
    for (const [name, fader] of Object.entries(this.elements)) fader.label = name;
    this.live.addChild(
      this.elements.standings,
      this.elements.lapsToGo,
      this.elements.needs,
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
    }
    const { overlay } = model;
    this.standingsClock = nextStandingsWindow(this.standingsClock, overlay, info.now);
    this.schedule(info.now);
    const key = `${overlay.position}|${overlay.top}`;
    if (key !== this.layoutKey) this.relayout(model, key);
    this.onAir = overlayOnAir(overlay, model.empty, {
      bannerActive: info.bannerActive,
      standingsWindow: this.standingsClock.active,
    });
    const animate = info.animate && this.shown;
    this.bug.update(overlay.bug);
    this.standings.update(overlay.standings);
    for (const name of ['sprint', 'result', 'needs'] as const) {
      const lowerThird = overlay[name];
      // A lower third keeps its last words while it fades out.
      if (lowerThird && this.onAir[name]) this.lowerThirds[name].update(lowerThird);
    }
    for (const [name, fader] of Object.entries(this.elements))
      fader.setShown(this.onAir[name as OverlayElement], info.now, animate);
  }

  probe(): Record<string, unknown> {
    const standings = this.standings.probe();
    const lowerThird = (name: 'sprint' | 'result' | 'needs') => ({
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
      bounds: Object.fromEntries(
        Object.entries(this.elements).map(([name, fader]) => [name, boundsOf(fader)]),
      ),
    };
  }

  /** Comes back when the standings' time after a sprint is up, to take them out. */
  private schedule(now: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const remaining = this.standingsClock ? bannerRemainingMs(this.standingsClock, now) : 0;
    if (remaining <= 0) return;
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
    // The standings under the bug (over it in a bottom corner), never into a lower third.
    const room = top
      ? safe.height - bugHeight - gap - lowerThirdRoom - gap
      : safe.height - bugHeight - gap;
    const width = Math.min(panelWidth, safe.width);
    this.standings.layout(
      {
        x: left ? safe.x : right - width,
        edge: top ? bugY + bugHeight + gap : bugY - gap,
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
