/**
 * The exact searches behind the qualification outlook (qualification.ts, which holds the
 * argument): with one skater's finishing place fixed, can the rivals be given finishing places
 * and intermediate-sprint values so that all of them end above the skater (canPutAllAbove), or
 * all of them below (canKeepAllBelow)? Only counts matter here: each rival takes one place and at
 * most `perRival` values (one per remaining sprint).
 *
 * Both are bin covering / bin packing problems, hard in general, so they are searched depth
 * first over the counts of places and values left, rival by rival: dominance rules cut most of
 * a rival's choices, bounds on points refute hopeless counts early, the closest fits are tried
 * first, and counts already refuted are remembered. Exact whatever the tables; the work grows
 * with the tables' sizes (ISU: three values with up to three copies, three scoring places below
 * the podium), measured by `npm run bench:engine`.
 */

/** A rival of the skater under study, as the ranking at the finish sees them against the skater. */
export interface Rival {
  /** The skater's total minus the rival's points so far: what the rival lacks to draw level. */
  readonly short: number;
  /** 1 when the rival loses a tie whatever the crossing order (lapped, the skater not: rule 6). */
  readonly lose: number;
  /** 1 when a tie goes by crossing order (same lap status: rule 2), lost by crossing after. */
  readonly bySide: number;
}

/** A finishing place open to the rivals: its final points, and 1 when behind the skater. */
export interface Place {
  readonly points: number;
  readonly after: number;
}

/** What a rival gets from a place, ties counted: the rival ends above iff this plus values >= short. */
export function placeGain(rival: Rival, place: Place): number {
  return place.points - rival.lose - rival.bySide * place.after;
}

/**
 * Places weakest first, in an order every rival agrees on: by points - after, then points.
 * Along it both keys only grow (the first one is the other or one less), so placeGain never
 * falls, whatever the rival's tie rule.
 */
export function weakestPlaceFirst(a: Place, b: Place): number {
  return a.points - a.after - (b.points - b.after) || a.points - b.points;
}

/**
 * Rivals strongest first: by what they lack when crossing after the skater, then before. Along
 * it both only grow, so a rival earlier in the order is above the skater in any place and with
 * any values that put a later one above: the order is one of domination.
 */
export function strongestRivalFirst(a: Rival, b: Rival): number {
  return (
    a.short + a.lose + a.bySide - (b.short + b.lose + b.bySide) ||
    a.lose - b.lose + a.short - b.short
  );
}

/**
 * Whether every rival can end above the skater, each with one of `places` (distinct) and at most
 * `perRival` of `values`; values and places no rival needs go to others.
 */
export function canPutAllAbove(
  rivals: readonly Rival[],
  places: readonly Place[],
  values: readonly number[],
  perRival: number,
): boolean {
  if (rivals.length > places.length) return false;
  const hardestFirst = [...rivals].sort(
    (a, b) => b.short + b.lose - (a.short + a.lose) || b.bySide - a.bySide,
  );
  return new Cover(
    hardestFirst,
    group(places),
    valueGroups(values.filter((v) => v > 0)),
    perRival,
  ).search(0);
}

/**
 * Whether every rival can end below the skater, each with one of `places` (as many as rivals)
 * and at most `perRival` of `values`, every value handed out.
 */
export function canKeepAllBelow(
  rivals: readonly Rival[],
  places: readonly Place[],
  values: readonly number[],
  perRival: number,
): boolean {
  if (rivals.length !== places.length) {
    throw new RangeError(`${rivals.length} rivals for ${places.length} places`);
  }
  if (values.length > rivals.length * perRival) return false;
  const strongestFirst = [...rivals].sort(strongestRivalFirst);
  return new Pack(strongestFirst, group(places), valueGroups(values), perRival).search(0);
}

interface PlaceGroup {
  readonly place: Place;
  count: number;
}

interface ValueGroup {
  readonly value: number;
  count: number;
}

/** One choice for a rival: how many of each value group, which place group, and the slack. */
interface Option {
  readonly taken: readonly number[];
  readonly place: number;
  readonly slack: number;
}

/** Equal places together, weakest first. */
function group(places: readonly Place[]): PlaceGroup[] {
  const groups: PlaceGroup[] = [];
  for (const place of [...places].sort(weakestPlaceFirst)) {
    const last = groups[groups.length - 1];
    if (last && weakestPlaceFirst(last.place, place) === 0) last.count += 1;
    else groups.push({ place, count: 1 });
  }
  return groups;
}

/** Equal values together, largest first. */
function valueGroups(values: readonly number[]): ValueGroup[] {
  const groups: ValueGroup[] = [];
  for (const value of [...values].sort((a, b) => b - a)) {
    const last = groups[groups.length - 1];
    if (last && last.value === value) last.count += 1;
    else groups.push({ value, count: 1 });
  }
  return groups;
}

/** What both searches share: the counts left, changed in place and put back, and the memo. */
abstract class Search {
  private readonly refuted = new Set<number | string>();
  private readonly radix: readonly number[];
  private readonly numeric: boolean;
  /** How many of each value each rival takes, for the rivals being placed. */
  private readonly taken: number[][];

  constructor(
    protected readonly rivals: readonly Rival[],
    protected readonly places: PlaceGroup[],
    protected readonly values: ValueGroup[],
    protected readonly perRival: number,
  ) {
    this.radix = [rivals.length, ...places.map((g) => g.count), ...values.map((g) => g.count)];
    this.numeric = this.radix.reduce((size, max) => size * (max + 1), 1) <= 2 ** 52;
    this.taken = rivals.map(() => values.map(() => 0));
  }

  /** Whether the rivals from `index` on can all be served with the counts left. */
  search(index: number): boolean {
    if (index === this.rivals.length) return this.done();
    const key = this.key(index);
    if (this.refuted.has(key)) return false;
    const options: Option[] = [];
    if (this.bounded(index)) this.collect(index, 0, 0, 0, options);
    // The closest fits first: when the rivals can be served, the search meets a way soon.
    options.sort((a, b) => a.slack - b.slack || a.place - b.place);
    for (const option of options) {
      if (this.take(index, option)) return true;
    }
    this.refuted.add(key);
    return false;
  }

  /** Collects the rival's choices: how many of value v it takes (then the next), then a place. */
  private collect(index: number, v: number, sum: number, size: number, options: Option[]): void {
    const taken = this.taken[index]!;
    if (v === this.values.length || size === this.perRival || this.enough(index, sum)) {
      const place = this.place(index, sum, size);
      if (place >= 0) {
        options.push({ taken: [...taken], place, slack: this.slack(index, place, sum) });
      }
      return;
    }
    const most = Math.min(this.values[v]!.count, this.perRival - size, this.room(index, sum, v));
    for (let count = most; count >= 0; count--) {
      taken[v] = count;
      this.values[v]!.count -= count;
      this.collect(index, v + 1, sum + count * this.values[v]!.value, size + count, options);
      this.values[v]!.count += count;
      taken[v] = 0;
    }
  }

  /** Gives the rival the option's values and place, and goes on with the next rival. */
  private take(index: number, option: Option): boolean {
    option.taken.forEach((count, v) => (this.values[v]!.count -= count));
    this.places[option.place]!.count -= 1;
    const found = this.search(index + 1);
    this.places[option.place]!.count += 1;
    option.taken.forEach((count, v) => (this.values[v]!.count += count));
    return found;
  }

  /** How many of value group v the rival being placed takes. */
  protected takes(index: number, v: number): number {
    return this.taken[index]![v]!;
  }

  protected abstract done(): boolean;
  protected abstract bounded(index: number): boolean;
  protected abstract enough(index: number, sum: number): boolean;
  protected abstract room(index: number, sum: number, v: number): number;
  /** The place group the rival takes with values worth `sum`, or -1 (none, or dominated). */
  protected abstract place(index: number, sum: number, size: number): number;
  /** How far from the limit the rival ends with this place and values (0: just so). */
  protected abstract slack(index: number, place: number, sum: number): number;

  private key(index: number): number | string {
    if (!this.numeric) {
      return `${index}:${this.places.map((g) => g.count).join(',')}:${this.values.map((g) => g.count).join(',')}`;
    }
    let key = index;
    let i = 1;
    for (const g of this.places) key = key * (this.radix[i++]! + 1) + g.count;
    for (const g of this.values) key = key * (this.radix[i++]! + 1) + g.count;
    return key;
  }
}

/**
 * Putting every rival above, hardest first. Dominance: a rival takes the weakest place that
 * suffices (a stronger one left to others serves them at least as well), no value it could
 * drop (still above in a place no stronger: unneeded values are as good in anyone's hands), and
 * no value it could trade for the next smaller one left (the larger one serves others better).
 */
class Cover extends Search {
  protected done(): boolean {
    return true;
  }

  /**
   * Two necessary conditions, for the r hardest rivals left (r = 1, 2, ...), who get at most the
   * r best places and r * perRival values:
   * - by points: they lack sum(short + lose), plus 1 for each who loses a tie by crossing after
   *   the skater beyond the places ahead of the skater left;
   * - by what the values must make up: a place can give a rival at most its points (less 1
   *   behind the skater if every rival left loses a tie there), and no more than the rival
   *   lacks, so the values make up at least sum(max(0, lacking - place)) with the hardest
   *   paired with the best places (pairing in the same order minimises a sum of a convex
   *   function of the differences).
   */
  protected bounded(index: number): boolean {
    // Places are weakest first: points, and points less what every rival left loses behind
    // the skater, never fall along them, so the best places are last.
    let ahead = 0;
    for (const g of this.places) if (g.place.after === 0) ahead += g.count;
    let behindLoss = 1;
    for (let r = index; r < this.rivals.length; r++) {
      behindLoss = Math.min(behindLoss, this.rivals[r]!.bySide);
    }
    let need = 0;
    let bySide = 0;
    let supply = 0;
    let valuesNeeded = 0;
    let valueSupply = 0;
    let p = this.places.length - 1;
    let pUsed = 0;
    let v = 0;
    let vUsed = 0;
    for (let r = index; r < this.rivals.length; r++) {
      const rival = this.rivals[r]!;
      need += rival.short + rival.lose;
      bySide += rival.bySide;
      while (p >= 0 && pUsed === this.places[p]!.count) [p, pUsed] = [p - 1, 0];
      if (p >= 0) {
        const { points, after } = this.places[p]!.place;
        supply += points;
        valuesNeeded += Math.max(0, rival.short + rival.lose - (points - behindLoss * after));
        pUsed += 1;
      }
      for (let k = 0; k < this.perRival; k++) {
        while (v < this.values.length && vUsed === this.values[v]!.count) [v, vUsed] = [v + 1, 0];
        if (v === this.values.length) break;
        valueSupply += this.values[v]!.value;
        vUsed += 1;
      }
      if (need + Math.max(0, bySide - ahead) > supply + valueSupply) return false;
      if (valuesNeeded > valueSupply) return false;
    }
    return true;
  }

  protected enough(index: number, sum: number): boolean {
    const weakest = this.places.findIndex((g) => g.count > 0);
    return (
      weakest >= 0 &&
      placeGain(this.rivals[index]!, this.places[weakest]!.place) >= this.rivals[index]!.short - sum
    );
  }

  /** No more of value v than reaches what the rival lacks in the weakest place left. */
  protected room(index: number, sum: number, v: number): number {
    const rival = this.rivals[index]!;
    const weakest = this.places.findIndex((g) => g.count > 0);
    if (weakest < 0) return 0;
    const lacking = rival.short - placeGain(rival, this.places[weakest]!.place) - sum;
    return Math.max(0, Math.ceil(lacking / this.values[v]!.value));
  }

  protected place(index: number, sum: number): number {
    const rival = this.rivals[index]!;
    const g = this.weakestCovering(rival, rival.short - sum);
    if (g < 0) return -1;
    for (let v = 0; v < this.values.length; v++) {
      if (this.takes(index, v) === 0) continue;
      const value = this.values[v]!.value;
      // One value fewer, or the next smaller value left instead, in a place no stronger.
      const fewer = this.weakestCovering(rival, rival.short - sum + value);
      if (fewer >= 0 && fewer <= g) return -1;
      const smaller = this.values.findIndex((other, u) => u > v && other.count > 0);
      if (smaller < 0) continue;
      const swapped = this.weakestCovering(
        rival,
        rival.short - sum + value - this.values[smaller]!.value,
      );
      if (swapped >= 0 && swapped <= g) return -1;
    }
    return g;
  }

  /** Points beyond what the rival needs. */
  protected slack(index: number, place: number, sum: number): number {
    const rival = this.rivals[index]!;
    return placeGain(rival, this.places[place]!.place) + sum - rival.short;
  }

  /** The weakest place left where the rival gains at least `need`, or -1. */
  private weakestCovering(rival: Rival, need: number): number {
    return this.places.findIndex((g) => g.count > 0 && placeGain(rival, g.place) >= need);
  }
}

/**
 * Keeping every rival below, strongest first, every place and value handed out. Dominance: a
 * rival takes the strongest place it stays below in (a weaker one left to others is easier for
 * them), one more value whenever it still fits there (a value less for the others to take), and
 * the next larger value left instead of one it takes whenever that still fits.
 */
class Pack extends Search {
  protected done(): boolean {
    return this.values.every((g) => g.count === 0);
  }

  /** Necessary: the values left fit by count, and by points (every place is handed out). */
  protected bounded(index: number): boolean {
    const rivalsLeft = this.rivals.length - index;
    let items = 0;
    let points = 0;
    for (const g of this.values) {
      items += g.count;
      points += g.count * g.value;
    }
    if (items > rivalsLeft * this.perRival) return false;
    let room = 0;
    for (let r = index; r < this.rivals.length; r++) {
      const rival = this.rivals[r]!;
      room += rival.short - 1 + rival.lose + rival.bySide;
    }
    for (const g of this.places) room -= g.count * g.place.points;
    return points <= room;
  }

  protected enough(): boolean {
    return false;
  }

  /** No more of value v than fits under the cap of the weakest place left. */
  protected room(index: number, sum: number, v: number): number {
    const weakest = this.places.findIndex((g) => g.count > 0);
    const value = this.values[v]!.value;
    if (weakest < 0 || value === 0) return Infinity;
    return Math.floor((this.cap(this.rivals[index]!, weakest) - sum) / value);
  }

  protected place(index: number, sum: number, size: number): number {
    const rival = this.rivals[index]!;
    const g = this.strongestKeeping(rival, sum);
    if (g < 0) return -1;
    if (size < this.perRival) {
      for (const other of this.values) {
        if (other.count > 0 && this.strongestKeeping(rival, sum + other.value) >= g) return -1;
      }
    }
    // The next larger value left instead of one taken, in a place no weaker.
    for (let v = 0; v < this.values.length; v++) {
      if (this.takes(index, v) === 0) continue;
      const larger = this.values.findLastIndex((other, u) => u < v && other.count > 0);
      if (larger < 0) continue;
      const swapped = sum - this.values[v]!.value + this.values[larger]!.value;
      if (this.strongestKeeping(rival, swapped) >= g) return -1;
    }
    return g;
  }

  /** Points the rival could still take there and stay below. */
  protected slack(index: number, place: number, sum: number): number {
    return this.cap(this.rivals[index]!, place) - sum;
  }

  /** Points the rival may still take in place group g and stay below the skater. */
  private cap(rival: Rival, g: number): number {
    return rival.short - 1 - placeGain(rival, this.places[g]!.place);
  }

  /** The strongest place left where the rival stays below with `sum` more points, or -1. */
  private strongestKeeping(rival: Rival, sum: number): number {
    for (let g = this.places.length - 1; g >= 0; g--) {
      if (this.places[g]!.count > 0 && this.cap(rival, g) >= sum) return g;
    }
    return -1;
  }
}
