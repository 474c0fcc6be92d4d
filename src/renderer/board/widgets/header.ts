import { Container, Graphics } from 'pixi.js';
import type { Box } from '../layout.ts';
import type { Theme } from '../theme.ts';
import type { NameProbe } from './name-text.ts';
import { assign, fitWidth, makeName, resize, tint } from './text.ts';

/** The title band of the venue scenes: race title left, meeting right, an accent rule under. */
export class Header extends Container {
  // Typed by the operator, in any script: names that fall back to canvas text when they must.
  private readonly title = makeName('bold', 40, 0xffffff);
  private readonly meeting = makeName('name', 30, 0xffffff, 'right');
  private readonly rule = new Graphics();
  private titleWidth = 0;
  private meetingWidth = 0;

  constructor() {
    super();
    this.label = 'header';
    this.addChild(this.rule, this.title, this.meeting);
  }

  /**
   * Lays the band out in `box`. `compact`: the far layout's title alone, over the lap board and
   * level with the column headers (the screen's height goes to the names; issue 18).
   */
  layout(box: Box, theme: Theme, compact = false): void {
    this.position.set(box.x, box.y);
    resize(this.title, box.height * (compact ? 0.75 : 0.72));
    resize(this.meeting, box.height * 0.5);
    this.title.position.set(0, box.height * (compact ? 0.5 : 0.45));
    this.meeting.position.set(box.width, box.height * 0.5);
    this.meeting.visible = !compact;
    this.titleWidth = box.width * (compact ? 1 : 0.62);
    this.meetingWidth = box.width * 0.34;
    const ruleHeight = compact ? 0 : Math.max(2, box.height * 0.06);
    this.rule.clear();
    if (ruleHeight > 0)
      this.rule.rect(0, box.height - ruleHeight, box.width, ruleHeight).fill({ color: 0xffffff });
    this.rule.tint = theme.accent;
    tint(this.title, theme.text);
    tint(this.meeting, theme.textMuted);
    fitWidth(this.title, this.titleWidth);
    fitWidth(this.meeting, this.meetingWidth);
  }

  update(title: string, meeting: string): void {
    if (assign(this.title, title)) fitWidth(this.title, this.titleWidth);
    if (assign(this.meeting, meeting)) fitWidth(this.meeting, this.meetingWidth);
  }

  /** The strings drawn, and how (bitmap font or canvas fallback). */
  probe(): {
    title: string;
    meeting: string;
    drawing: { title: NameProbe; meeting: NameProbe };
  } {
    return {
      title: this.title.text,
      meeting: this.meeting.text,
      drawing: { title: this.title.probe(), meeting: this.meeting.probe() },
    };
  }
}
