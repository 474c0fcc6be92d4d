import { Graphics } from 'pixi.js';
import type { BoardModel } from '../../../shared/board/model.ts';
import type { Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { assign, fitWidth, makeName, resize, tint } from '../widgets/text.ts';
import { SceneBase, type UpdateInfo } from './scene.ts';

/** Blank / logo: the meeting's name under a 400 m track mark, nothing else. */
export class BlankScene extends SceneBase {
  readonly name = 'blank';
  private readonly mark = new Graphics();
  // Typed by the operator, in any script: names that fall back to canvas text when they must.
  private readonly meeting = makeName('bold', 60, 0xffffff, 'center');
  private readonly subtitle = makeName('name', 36, 0xffffff, 'center');
  private width = 0;

  constructor(services: ConstructorParameters<typeof SceneBase>[0]) {
    super(services);
    this.chrome.addChild(this.mark);
    this.live.addChild(this.meeting, this.subtitle);
  }

  resize(viewport: Viewport, theme: Theme): void {
    const { safe } = viewport;
    const ribbon = viewport.aspect === 'ribbon';
    const trackHeight = ribbon ? safe.height * 0.6 : viewport.height * 0.22;
    const trackWidth = trackHeight * 2.3;
    const centreX = ribbon ? safe.x + trackWidth / 2 + safe.height * 0.1 : viewport.width / 2;
    const centreY = ribbon ? viewport.height / 2 : viewport.height * 0.4;
    drawTrack(this.mark, centreX, centreY, trackWidth, trackHeight, theme);
    const textX = ribbon ? centreX + trackWidth / 2 + safe.height * 0.2 : viewport.width / 2;
    resize(this.meeting, ribbon ? safe.height * 0.32 : viewport.height * 0.065);
    resize(this.subtitle, ribbon ? safe.height * 0.2 : viewport.height * 0.035);
    for (const text of [this.meeting, this.subtitle]) text.anchor.x = ribbon ? 0 : 0.5;
    this.meeting.position.set(
      textX,
      ribbon ? centreY - safe.height * 0.12 : centreY + trackHeight * 0.78,
    );
    this.subtitle.position.set(
      textX,
      ribbon ? centreY + safe.height * 0.22 : centreY + trackHeight * 1.12,
    );
    this.width = ribbon ? safe.width - (textX - safe.x) : safe.width * 0.9;
    tint(this.meeting, theme.text);
    tint(this.subtitle, theme.accent);
    fitWidth(this.meeting, this.width);
    fitWidth(this.subtitle, this.width);
  }

  update(model: BoardModel, _info: UpdateInfo): void {
    if (assign(this.meeting, model.meeting)) fitWidth(this.meeting, this.width);
    if (assign(this.subtitle, model.empty ? '' : model.title)) fitWidth(this.subtitle, this.width);
  }

  probe(): Record<string, unknown> {
    return {
      meeting: this.meeting.text,
      subtitle: this.subtitle.text,
      drawing: { meeting: this.meeting.probe(), subtitle: this.subtitle.probe() },
    };
  }
}

/** The logo mark: a 400 m speed skating track (two lanes) seen from above. */
function drawTrack(
  graphics: Graphics,
  x: number,
  y: number,
  width: number,
  height: number,
  theme: Theme,
): void {
  graphics.clear();
  const lanes = [1, 0.72];
  lanes.forEach((share, index) => {
    const h = height * share;
    const w = width - (height - h);
    graphics.roundRect(x - w / 2, y - h / 2, w, h, h / 2).stroke({
      color: index === 0 ? theme.accent : theme.text,
      width: height * 0.055,
      alpha: index === 0 ? 1 : 0.85,
    });
  });
  graphics
    .rect(x - height * 0.02, y - height / 2 - height * 0.06, height * 0.04, height * 0.26)
    .fill({ color: theme.highlight });
}
