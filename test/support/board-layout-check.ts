// Layout checks of the board and the overlay (issue 18, part 6): pure functions over the text
// boxes `window.__board.textBoxes()` reports (src/renderer/board/text-boxes.ts) and the rows
// `probe()` reports. No DOM, no Pixi: the e2e test measures, these judge, and the unit tests
// (test/renderer/board/layout-check.test.ts) show that each can fail.

/** A rectangle in output pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A text's ink box as the board reports it: the fields the checks read. */
export interface TextBox {
  readonly text: string;
  /** Container labels, outermost first: "live/table/row:7/name". */
  readonly widget: string;
  /** Ink box in output pixels. */
  readonly output: Rect;
  /** Cap height in output pixels. */
  readonly capHeight: number;
  /** Horizontal over vertical scale: below 1 where a long text is squeezed to fit. */
  readonly squeeze: number;
  /** The masks' area in output pixels; null when not masked. */
  readonly clip: Rect | null;
  /** Share of the box hidden by opaque plates drawn after it (0 to 1). */
  readonly covered: number;
}

/** What the checks look for. */
export type Check =
  /** Two texts drawn over each other. */
  | 'overlap'
  /** A text running off the output. */
  | 'offScreen'
  /** A text outside the safe area (overscan margin). */
  | 'outsideSafeArea'
  /** A text partly hidden by an opaque plate drawn over it (a banner cutting a row). */
  | 'coveredByPlate'
  /** A text cut by its mask. */
  | 'clipped'
  /** A skater's name drawn smaller than the layout's minimum cap height. */
  | 'nameCapHeight'
  /** A skater's name squeezed narrower than 85 % (issue 18: shorten it instead). */
  | 'squeezedName'
  /** A skater never shown over a paging cycle. */
  | 'neverShown'
  /** The qualification line drawn below a skater without a rank. */
  | 'qualificationLine';

/** One finding: the check, the text(s) involved (its identity), and the measurements. */
export interface Violation {
  readonly check: Check;
  readonly text: string;
  readonly detail: string;
}

/**
 * Every exception to the checks, with its reason, in one place. Empty today: on the board as
 * drawn no text is designed to stack on another, and none is a background decoration.
 */
export const layoutExceptions: {
  /** Texts of one widget drawn over each other on purpose (both widget paths match). */
  readonly stacking: readonly { readonly widget: RegExp; readonly why: string }[];
  /** Background decorations that may run past the safe area or the screen. */
  readonly decorations: readonly { readonly widget: RegExp; readonly why: string }[];
} = { stacking: [], decorations: [] };

/** Pixels of slack in every geometric check (rounding of fractional boxes). */
export const tolerance = 1;

const px = (value: number) => `${value.toFixed(1)} px`;
const seen = (box: TextBox) => box.covered < 1;

/** (a) No two visible texts overlap by more than the tolerance in both directions. */
export function overlappingTexts(
  boxes: readonly TextBox[],
  exceptions = layoutExceptions.stacking,
): Violation[] {
  const shown = boxes.filter(seen);
  const found: Violation[] = [];
  for (let i = 0; i < shown.length; i++)
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i]!;
      const b = shown[j]!;
      const across = overlap(a.output.x, a.output.width, b.output.x, b.output.width);
      const down = overlap(a.output.y, a.output.height, b.output.y, b.output.height);
      if (across <= tolerance || down <= tolerance) continue;
      if (exceptions.some(({ widget }) => widget.test(a.widget) && widget.test(b.widget))) continue;
      found.push({
        check: 'overlap',
        text: [a.text, b.text].sort().join(' × '),
        detail: `${px(across)} x ${px(down)} (${a.widget} | ${b.widget})`,
      });
    }
  return found;
}

/**
 * (b) No text is cut: inside the output and the safe area (decorations may leave the safe
 * area), not partly under an opaque plate, and inside its mask.
 */
export function cutTexts(
  boxes: readonly TextBox[],
  screen: Rect,
  safe: Rect,
  decorations = layoutExceptions.decorations,
): Violation[] {
  const found: Violation[] = [];
  for (const box of boxes) {
    const decoration = decorations.some(({ widget }) => widget.test(box.widget));
    const off = outside(box.output, screen);
    const unsafe = outside(box.output, safe);
    if (off > tolerance)
      found.push({ check: 'offScreen', text: box.text, detail: `${px(off)} off (${box.widget})` });
    else if (unsafe > tolerance && !decoration)
      found.push({
        check: 'outsideSafeArea',
        text: box.text,
        detail: `${px(unsafe)} past the safe area (${box.widget})`,
      });
    if (box.covered > 0 && box.covered < 1)
      found.push({
        check: 'coveredByPlate',
        text: box.text,
        detail: `${Math.round(box.covered * 100)} % hidden (${box.widget})`,
      });
    const cut = box.clip ? outside(box.output, box.clip) : 0;
    if (cut > tolerance)
      found.push({ check: 'clipped', text: box.text, detail: `${px(cut)} cut (${box.widget})` });
  }
  return found;
}

/**
 * Whether a text is a skater's name: one of the skaters' names or their shorter forms (a layout
 * may shorten a name, issue 18 part 3), or drawn under a `name` label in a row, a line or a
 * placing card (widgets/standings-row.ts, widgets/sprint-banner.ts).
 */
export function isSkaterName(box: TextBox, names: ReadonlySet<string>): boolean {
  const path = box.widget.split('/');
  const inRow = path.some((label) => /^(row|line|card)(:|$)|^placing$/.test(label));
  return (inRow && path.at(-1) === 'name') || names.has(box.text);
}

/** (c) Every skater's name that can be seen has at least `minimum` output pixels of cap height. */
export function smallNames(
  boxes: readonly TextBox[],
  names: ReadonlySet<string>,
  minimum: number,
): Violation[] {
  if (!(minimum > 0)) throw new Error(`smallNames: minimum must be > 0 pixels, got ${minimum}`);
  return boxes
    .filter((box) => seen(box) && isSkaterName(box, names) && box.capHeight < minimum)
    .map((box) => ({
      check: 'nameCapHeight' as const,
      text: box.text,
      detail: `cap ${px(box.capHeight)} < ${px(minimum)} (${box.widget})`,
    }));
}

/** Names are shortened rather than squeezed below this share of their width (issue 18, part 3). */
export const leastSqueeze = 0.85;

/** (c') No skater's name is squeezed narrower than `minimum` of its natural width. */
export function squeezedNames(
  boxes: readonly TextBox[],
  names: ReadonlySet<string>,
  minimum = leastSqueeze,
): Violation[] {
  return boxes
    .filter((box) => seen(box) && isSkaterName(box, names) && box.squeeze < minimum - 0.005)
    .map((box) => ({
      check: 'squeezedName' as const,
      text: box.text,
      detail: `drawn at ${Math.round(box.squeeze * 100)} % width (${box.widget})`,
    }));
}

/** A row as `probe().rows` reports it: the fields the checks read. */
export interface ProbeRow {
  readonly key: number;
  readonly shown: boolean;
  readonly x: number;
  readonly targetY: number;
}

/** (d) Over snapshots of `probe().rows` taken through a paging cycle, every skater is shown once. */
export function unseenSkaters(
  snapshots: readonly (readonly Pick<ProbeRow, 'key' | 'shown'>[])[],
  skaters: readonly { readonly key: number; readonly name: string }[],
): Violation[] {
  if (snapshots.length === 0) throw new Error('unseenSkaters: no snapshots taken');
  const shown = new Set(snapshots.flatMap((rows) => rows.filter((r) => r.shown).map((r) => r.key)));
  return skaters
    .filter((skater) => !shown.has(skater.key))
    .map((skater) => ({
      check: 'neverShown' as const,
      text: skater.name,
      detail: `#${skater.key} not shown in ${snapshots.length} snapshot(s)`,
    }));
}

/**
 * (e) The qualification line is never drawn below a skater without a rank. The probe says the
 * line follows the first `after` rows in model order (the order `probe().rows` lists them): each
 * of them must have a rank. Where the rows either side of it are shown in one column, the line
 * must also be drawn between them (a paging layout may show it at the edge of a page instead).
 */
export function qualificationLineErrors(
  model: readonly { readonly key: number; readonly rank: string; readonly name: string }[],
  drawn: readonly ProbeRow[],
  line: { readonly after: number; readonly targetY: number } | null,
): Violation[] {
  if (line === null || line.after <= 0) return [];
  const where = `line after ${line.after}`;
  if (line.after > drawn.length)
    return [{ check: 'qualificationLine', text: where, detail: `only ${drawn.length} rows drawn` }];
  const byKey = new Map(model.map((row) => [row.key, row]));
  const found: Violation[] = drawn.slice(0, line.after).flatMap((row) => {
    const skater = byKey.get(row.key);
    if (!skater || skater.rank !== '') return [];
    return [
      {
        check: 'qualificationLine' as const,
        text: skater.name,
        detail: `#${row.key} has no rank but is above the line drawn after ${line.after}`,
      },
    ];
  });
  const above = drawn[line.after - 1]!;
  const below = drawn[line.after];
  const oneColumn = below?.shown && above.shown && Math.abs(above.x - below.x) <= tolerance;
  if (oneColumn && !(above.targetY < line.targetY && line.targetY < below.targetY))
    found.push({
      check: 'qualificationLine',
      text: where,
      detail: `drawn at y ${line.targetY}, not between #${above.key} (y ${above.targetY}) and #${below.key} (y ${below.targetY})`,
    });
  return found;
}

/** Known violations of one output and scene: per check, the texts involved. */
export type KnownViolations = Partial<Record<Check, readonly string[]>>;

/**
 * Compares findings with the known ones: what is new (a regression) and what no longer happens
 * (fixed: the entry must go, so the list cannot go stale).
 */
export function compareWithKnown(
  found: readonly Violation[],
  known: KnownViolations,
): { unexpected: Violation[]; fixed: { check: Check; text: string }[] } {
  const key = (check: string, text: string) => `${check}\u0000${text}`;
  const expected = new Set(
    Object.entries(known).flatMap(([check, texts]) => (texts ?? []).map((t) => key(check, t))),
  );
  const actual = new Set(found.map((v) => key(v.check, v.text)));
  const unexpected = found.filter(
    (v, index) =>
      !expected.has(key(v.check, v.text)) &&
      found.findIndex((w) => w.check === v.check && w.text === v.text) === index,
  );
  const fixed = Object.entries(known).flatMap(([check, texts]) =>
    [...new Set(texts ?? [])]
      .filter((text) => !actual.has(key(check, text)))
      .map((text) => ({ check: check as Check, text })),
  );
  return { unexpected, fixed };
}

/** The findings as a `KnownViolations` value (sorted, one entry per check and text). */
export function asKnown(found: readonly Violation[]): KnownViolations {
  const known: Partial<Record<Check, string[]>> = {};
  for (const v of found) (known[v.check] ??= []).push(v.text);
  for (const check of Object.keys(known) as Check[])
    known[check] = [...new Set(known[check])].sort();
  return known;
}

function overlap(a: number, aSize: number, b: number, bSize: number): number {
  return Math.min(a + aSize, b + bSize) - Math.max(a, b);
}

/** How far a box reaches past an area on its worst side (0 or less: inside). */
function outside(box: Rect, area: Rect): number {
  return Math.max(
    area.x - box.x,
    area.y - box.y,
    box.x + box.width - (area.x + area.width),
    box.y + box.height - (area.y + area.height),
  );
}
