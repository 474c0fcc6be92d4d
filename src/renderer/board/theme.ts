import type { DisplaySettings } from '../../shared/protocol/program.ts';
import type { FontRole } from './fonts.ts';

/**
 * Colours and type of the board: broadcast navy by default, white on black for high contrast.
 * Every text colour is chosen for >= 4.5:1 on what it sits on, also under a protanopia and a
 * deuteranopia simulation (test/renderer/board/theme-contrast.test.ts; issue 18).
 */
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
  /** Greyed rows: out of the race only (DNF, DQ, DNS, LAPPED). No points yet is normal text. */
  readonly textDimmed: number;
  /** Lap board label, column headers, rules. */
  readonly accent: number;
  /** Text drawn on the accent colour. */
  readonly onAccent: number;
  /** Sprints only: the sprint lap figure and pill, the sprint banner's heading and points. */
  readonly highlight: number;
  readonly onHighlight: number;
  /** Bell / last lap (the plate behind the white figure), and DNF-DQ-DNS marks. */
  readonly alert: number;
  readonly onAlert: number;
  readonly official: number;
  readonly unofficial: number;
  /** Helmet-number chip. */
  readonly chip: number;
  readonly onChip: number;
  /** The qualification bar and the Q badge (its own colour: yellow means sprint). */
  readonly qualify: number;
  readonly onQualify: number;
  /** The "NEEDS TOP 5" chip: its plate (the text is `text`, the rim `qualify`). */
  readonly needs: number;
  /** The thin rule between skaters with points and skaters without. */
  readonly divider: number;
  /** Medal discs of the final's podium: gold, silver, bronze. */
  readonly medals: readonly [number, number, number];
  /** The rank digit on a medal disc. */
  readonly onMedal: number;
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
  rowAlpha: 1,
  text: 0xffffff,
  textMuted: 0xa9bbd6,
  // Grey, and still 4.5:1 on the rows: out of the race, not unreadable.
  textDimmed: 0x8a99b3,
  accent: 0x33c6ff,
  onAccent: 0x041226,
  highlight: 0xffc82e,
  onHighlight: 0x1a1200,
  // Deep enough for white text at 4.5:1 (the old 0xff3b4e was 3.5:1).
  alert: 0xc41a36,
  onAlert: 0xffffff,
  official: 0x2fd07a,
  unofficial: 0xffa12e,
  chip: 0xf2f6fc,
  onChip: 0x0b1d3a,
  qualify: 0x2ed47a,
  onQualify: 0x04160c,
  needs: 0x25487e,
  divider: 0xa9bbd6,
  medals: [0xf5c542, 0xc9d3df, 0xd98c4a],
  onMedal: 0x0b1d3a,
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
  alert: 0xd00000,
  onAlert: 0xffffff,
  official: 0x00ff66,
  unofficial: 0xffff00,
  chip: 0xffffff,
  onChip: 0x000000,
  qualify: 0x00e060,
  onQualify: 0x000000,
  needs: 0x000000,
  divider: 0xffffff,
  medals: [0xffd700, 0xd9d9d9, 0xe0904a],
  onMedal: 0x000000,
  flagOutline: 0xffffff,
  flash: 0xffff00,
  nameFont: 'bold',
};

/** The theme the host chose in the display settings. */
export function themeFor(name: DisplaySettings['theme']): Theme {
  return name === 'high-contrast' ? highContrast : broadcast;
}

/** Every theme, for the contrast checks. */
export const themes: readonly Theme[] = [broadcast, highContrast];
