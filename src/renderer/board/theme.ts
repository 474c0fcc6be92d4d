import type { DisplaySettings } from '../../shared/protocol/program.ts';
import type { FontRole } from './fonts.ts';

/** Colours and type of the board: broadcast navy by default, white on black for high contrast. */
export interface Theme {
  readonly name: DisplaySettings['theme'];
  /** Background of the venue board. */
  readonly background: number;
  readonly panel: number;
  readonly panelAlpha: number;
  readonly rowEven: number;
  readonly rowOdd: number;
  readonly rowAlpha: number;
  readonly text: number;
  readonly textMuted: number;
  /** Greyed rows: no points yet, or out of the race. */
  readonly textDimmed: number;
  /** Lap board label, column headers, rules. */
  readonly accent: number;
  /** Text drawn on the accent colour. */
  readonly onAccent: number;
  /** Sprint flag, qualification line, Q marks. */
  readonly highlight: number;
  readonly onHighlight: number;
  /** Bell / last lap, and DNF-DQ-DNS marks. */
  readonly alert: number;
  readonly onAlert: number;
  readonly official: number;
  readonly unofficial: number;
  /** Helmet-number chip. */
  readonly chip: number;
  readonly onChip: number;
  /** Podium rank badges. */
  readonly medals: readonly [number, number, number];
  /** Outline of the flags (white flags on white chips still read). */
  readonly flagOutline: number;
  /** Points that just changed glow in this colour for a moment. */
  readonly flash: number;
  /** Weight of skater names: semibold on the broadcast skin, bold for high contrast. */
  readonly nameFont: Extract<FontRole, 'name' | 'bold'>;
}

const broadcast: Theme = {
  name: 'default',
  background: 0x071429,
  panel: 0x0f2647,
  panelAlpha: 0.92,
  rowEven: 0x132d54,
  rowOdd: 0x0e2343,
  rowAlpha: 0.95,
  text: 0xffffff,
  textMuted: 0xa9bbd6,
  textDimmed: 0x6f819e,
  accent: 0x33c6ff,
  onAccent: 0x041226,
  highlight: 0xffc82e,
  onHighlight: 0x1a1200,
  alert: 0xff3b4e,
  onAlert: 0xffffff,
  official: 0x2fd07a,
  unofficial: 0xffa12e,
  chip: 0xf2f6fc,
  onChip: 0x0b1d3a,
  medals: [0xf5c542, 0xc9d3df, 0xd98c4a],
  flagOutline: 0x02060d,
  flash: 0x33c6ff,
  nameFont: 'name',
};

const highContrast: Theme = {
  name: 'high-contrast',
  background: 0x000000,
  panel: 0x000000,
  panelAlpha: 1,
  rowEven: 0x000000,
  rowOdd: 0x161616,
  rowAlpha: 1,
  text: 0xffffff,
  textMuted: 0xffffff,
  textDimmed: 0xb4b4b4,
  accent: 0xffffff,
  onAccent: 0x000000,
  highlight: 0xffff00,
  onHighlight: 0x000000,
  alert: 0xff2020,
  onAlert: 0xffffff,
  official: 0x00ff66,
  unofficial: 0xffff00,
  chip: 0xffffff,
  onChip: 0x000000,
  medals: [0xffff00, 0xffffff, 0xffffff],
  flagOutline: 0xffffff,
  flash: 0xffff00,
  nameFont: 'bold',
};

/** The theme the host chose in the display settings. */
export function themeFor(name: DisplaySettings['theme']): Theme {
  return name === 'high-contrast' ? highContrast : broadcast;
}
