// Which names the board's bitmap fonts draw, and which go to the canvas fallback (issue 17).
import { describe, expect, it } from 'vitest';
import { bitmapFontDraws } from '../../../src/renderer/board/glyph-coverage.ts';

describe('names the bitmap fonts draw', () => {
  it.each([
    ['Chung Jae-won', true],
    ['Ödön Ñúñez', true],
    ['Metoděj Jílek', true],
    ['Kristaps Bērziņš', true],
    ['Nguyễn Thị Ánh', true],
    ['Ştefan Ţiriac', true],
    ['Jorrit Bergsma · NED', true],
    ["D'Angelo O’Neill-Smith", true],
    ['', true],
    ['정재원', false],
    ['宁忠岩', false],
    ['עומר כהן', false],
    ['محمد علي', false],
    ['Ørjan 🏅 Test', false],
    ['Ödön Ñúñez (宁)', false],
    ['Руслан Захаров', false],
    ['Νίκος Παπαδόπουλος', false],
    ['Jordan Stolz\u200f', false],
    ['Jordan\u202eStolz', false],
    ['Jordan\nStolz', false],
    ['Jordan Stolz\ufe0f', false],
  ])('%j: %s', (name, drawn) => {
    expect(bitmapFontDraws(name)).toBe(drawn);
  });
});
