import { Graphics, Sprite, Texture } from 'pixi.js';
import type { Container, Renderer, TextStyle } from 'pixi.js';
import type { Viewport } from './layout.ts';
import { linesOf, transformed, type DrawnText } from './text-ink.ts';

/** A rectangle: top-left corner and size. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * One line of a visible text as drawn, for the layout tests (issue 18, part 6), read through
 * `window.__board.textBoxes()`. The box is the ink of the string (its glyphs' extents as the
 * browser measures them in the same font), not the line box, so stacked lines that do not touch
 * do not count as overlapping.
 */
export interface TextBox {
  /** The line as drawn. */
  readonly text: string;
  /** How Pixi draws it: a bitmap font, canvas text, or HTML text. */
  readonly kind: 'bitmap' | 'canvas' | 'html';
  /** Labels of the containers it sits in, outermost first ("live/table/row:7/name"). */
  readonly widget: string;
  /** Font size in virtual pixels as drawn (the scales of the text and its parents applied). */
  readonly fontSize: number;
  /** The ink box in virtual pixels (the canvas the scenes lay out in). */
  readonly virtual: Rect;
  /** The ink box in output pixels (the canvas's device pixels). */
  readonly output: Rect;
  /** Cap height in output pixels: the font's H height at the size drawn. */
  readonly capHeight: number;
  /** Cap height per pixel of font size, measured in the browser (Barlow Condensed: 0.70). */
  readonly capRatio: number;
  /** Horizontal over vertical scale: below 1 where a long text is squeezed to fit. */
  readonly squeeze: number;
  /** Colour of the glyphs (the fill times every tint above), "#rrggbb". */
  readonly fill: string;
  /** Alpha of the glyphs (every alpha above multiplied). */
  readonly alpha: number;
  /** Colour behind the box's centre: the plates drawn before it over the clear colour; null where mostly see-through. */
  readonly background: string | null;
  /** Inside a masked container. */
  readonly clipped: boolean;
  /** The masks' area in output pixels; null when not masked. */
  readonly clip: Rect | null;
  /**
   * Share of the text's room hidden by opaque plates or pictures drawn after it (0 to 1). The
   * room is the ink across and, down, the font's reach (accented capitals to descenders) for a
   * text with letters: a plate over the descender zone cuts the next name with a "g" even if
   * this one has none. Figures and times keep their ink box.
   */
  readonly covered: number;
}

/** A filled shape or picture in draw order: what a text may stand on or be hidden by. */
interface Plate {
  /** Its bounding box in screen (CSS) pixels. */
  readonly box: Rect;
  /** Whether the shape itself (a rounded corner, a slanted band) covers a screen point. */
  readonly covers: (x: number, y: number) => boolean;
  /** Null for pictures (flags): they hide, but their colour is not one colour. */
  readonly colour: number | null;
  readonly alpha: number;
  readonly order: number;
}

/** A text object met on the walk, with what its parents give it. */
interface Visited {
  readonly node: DrawnText;
  readonly kind: TextBox['kind'];
  readonly order: number;
  readonly alpha: number;
  readonly tint: number;
  readonly widget: string;
  readonly clip: Rect | null;
}

const kinds: Readonly<Record<string, TextBox['kind']>> = {
  bitmapText: 'bitmap',
  text: 'canvas',
  htmlText: 'html',
};

/** Below this the walk treats an object as not drawn (issue 18: `worldAlpha > 0.01`). */
const invisible = 0.01;
/** Plates at least this opaque hide what is under them. */
const opaque = 0.9;

/**
 * Every visible text under `stage`, one box per line, in draw order. Walks only what is drawn:
 * visible, renderable, included in the build and more than 1 % opaque through every parent.
 * Computed on demand for tests; nothing here runs per frame.
 */
export function textBoxes(
  stage: Container,
  renderer: Renderer,
  viewport: Viewport,
  scene: string,
): TextBox[] {
  const plates: Plate[] = [];
  const texts: Visited[] = [];
  let order = 0;
  const visit = (
    node: Container,
    alpha: number,
    tint: number,
    path: readonly string[],
    clip: Rect | null,
  ) => {
    if (!node.visible || node.renderable === false || !node.includeInBuild) return;
    const drawnAlpha = alpha * node.alpha;
    if (drawnAlpha <= invisible) return;
    const drawnTint = multiply(tint, node.tint);
    // Scene roots have no label: they are the current scene (the walk runs on a settled board).
    const label = node.label || (node.parent?.parent === stage ? scene : '');
    const widget = label ? [...path, label] : path;
    const mask = node.mask;
    const masked =
      mask && typeof mask === 'object' ? intersect(clip, rectOf(mask.getBounds())) : clip;
    const kind = kinds[(node as { renderPipeId?: string }).renderPipeId ?? ''];
    if (kind) {
      texts.push({
        node: node as DrawnText,
        kind,
        order: order++,
        alpha: drawnAlpha,
        tint: drawnTint,
        widget: widget.join('/'),
        clip: masked,
      });
    } else if (node instanceof Graphics) {
      const matrix = node.getGlobalTransform();
      for (const instruction of node.context.instructions) {
        if (instruction.action !== 'fill') continue;
        const { style, path: shape } = instruction.data;
        const { minX, minY, maxX, maxY } = shape.bounds;
        if (!(maxX > minX && maxY > minY)) continue;
        const primitives = shape.shapePath.shapePrimitives;
        plates.push({
          box: transformed(matrix, minX, minY, maxX, maxY),
          covers: (x, y) => {
            const local = matrix.applyInverse({ x, y });
            return primitives.some((primitive) => {
              const point = primitive.transform ? primitive.transform.applyInverse(local) : local;
              return primitive.shape.contains(point.x, point.y);
            });
          },
          colour: style.texture === Texture.WHITE ? multiply(style.color, drawnTint) : null,
          alpha: drawnAlpha * style.alpha,
          order: order++,
        });
      }
    } else if (node instanceof Sprite && node.texture !== Texture.EMPTY) {
      const box = rectOf(node.getBounds());
      plates.push({
        box,
        covers: (x, y) => contains(box, x, y),
        colour: null,
        alpha: drawnAlpha,
        order: order++,
      });
    }
    const children = node.sortableChildren
      ? [...node.children].sort((a, b) => a.zIndex - b.zIndex)
      : node.children;
    for (const child of children) visit(child, drawnAlpha, drawnTint, widget, masked);
  };
  visit(stage, 1, 0xffffff, [], null);
  const background = renderer.background;
  const clear = { colour: background.color.toNumber(), alpha: background.alpha };
  const toOutput = renderer.resolution;
  const toVirtual = 1 / viewport.scale;
  return texts.flatMap((found) =>
    linesOf(found.node, found.kind).map((line) => {
      const { node } = found;
      const centreX = line.box.x + line.box.width / 2;
      const centreY = line.box.y + line.box.height / 2;
      return {
        text: line.text,
        kind: found.kind,
        widget: found.widget,
        fontSize: line.fontSize * toVirtual,
        virtual: scaled(line.box, toVirtual),
        output: scaled(line.box, toOutput),
        capHeight: line.capRatio * line.fontSize * toOutput,
        capRatio: line.capRatio,
        squeeze: line.squeeze,
        fill: hex(multiply(fillOf(node.style), found.tint)),
        alpha: found.alpha,
        background: behind(plates, found.order, centreX, centreY, clear),
        clipped: found.clip !== null,
        clip: found.clip && scaled(found.clip, toOutput),
        covered: coveredShare(plates, found.order, line.room),
      };
    }),
  );
}

/** The colour behind a point: the plates drawn before `order` over the clear colour. */
function behind(
  plates: readonly Plate[],
  order: number,
  x: number,
  y: number,
  clear: { colour: number; alpha: number },
): string | null {
  let rgb = channels(clear.colour);
  let alpha = clear.alpha;
  for (const plate of plates) {
    if (plate.order > order || plate.colour === null || !contains(plate.box, x, y)) continue;
    if (!plate.covers(x, y)) continue;
    const top = channels(plate.colour);
    const out = plate.alpha + alpha * (1 - plate.alpha);
    if (out <= 0) continue;
    rgb = rgb.map(
      (below, i) => (top[i]! * plate.alpha + below * alpha * (1 - plate.alpha)) / out,
    ) as [number, number, number];
    alpha = out;
  }
  const [r, g, b] = rgb.map(Math.round) as [number, number, number];
  return alpha < 0.5 ? null : hex((r << 16) | (g << 8) | b);
}

/** Share of a box under opaque plates or pictures drawn after `order` (a 9 x 5 grid of points). */
function coveredShare(plates: readonly Plate[], order: number, box: Rect): number {
  const above = plates.filter(
    (plate) => plate.order > order && plate.alpha >= opaque && overlaps(plate.box, box),
  );
  if (above.length === 0) return 0;
  let hits = 0;
  for (let i = 0; i < 9; i++)
    for (let j = 0; j < 5; j++) {
      const x = box.x + ((i + 0.5) / 9) * box.width;
      const y = box.y + ((j + 0.5) / 5) * box.height;
      if (above.some((plate) => contains(plate.box, x, y) && plate.covers(x, y))) hits += 1;
    }
  return hits / 45;
}

function fillOf(style: TextStyle): number {
  const fill: unknown = style.fill;
  if (typeof fill === 'number') return fill;
  if (fill && typeof fill === 'object' && 'color' in fill && typeof fill.color === 'number')
    return fill.color;
  return 0xffffff;
}

function channels(colour: number): [number, number, number] {
  return [(colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff];
}

/** Tints multiply channel by channel (as Pixi combines a tint with its parents'). */
function multiply(a: number, b: number): number {
  const [ar, ag, ab] = channels(a);
  const [br, bg, bb] = channels(b);
  return (
    (Math.round((ar * br) / 255) << 16) |
    (Math.round((ag * bg) / 255) << 8) |
    Math.round((ab * bb) / 255)
  );
}

function hex(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

function rectOf(bounds: { x: number; y: number; width: number; height: number }): Rect {
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
}

function scaled(rect: Rect, factor: number): Rect {
  return {
    x: rect.x * factor,
    y: rect.y * factor,
    width: rect.width * factor,
    height: rect.height * factor,
  };
}

function intersect(a: Rect | null, b: Rect): Rect {
  if (!a) return b;
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

function contains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
