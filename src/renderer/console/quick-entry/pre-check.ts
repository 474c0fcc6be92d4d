/**
 * Pre-checks a quick entry against the race as the host last pushed it, with the engine's own
 * rules: `RaceHistory.decide` on the pushed race state is what the host decides on that state,
 * so the console names each refused helmet number as it is typed (the refusal's code and `bib`
 * say which number and in which words) and keeps no rule of its own. What the console holds
 * back is what was entered wrong (decided with `moment: false`); a refusal of the moment (not
 * started, not the sprint lap yet, official) is left to the host: the pushed state can be a
 * revision behind while laps come in over OSC or from a second console, and the host decides on
 * its newest state; its refusal then shows next to the line. What is the console's own: reading
 * the typed text (parse.ts), and a number typed twice in a mode that sends one command per
 * number.
 */
import type { RaceCommand } from '../../../shared/race/events.ts';
import { RaceHistory, type RuleRefusal } from '../../../shared/race/history.ts';
import type { RaceState } from '../../../shared/race/state.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import type { ParsedQuickEntry, QuickEntryMode, QuickEntryProblem } from './parse.ts';

/** One typed helmet number with the skater it names. */
export interface QuickEntryItem {
  readonly bib: number;
  /** The skater's name; null when the number is not on the start list. */
  readonly name: string | null;
  readonly nation: string;
  readonly problem: QuickEntryProblem | null;
}

/** What Enter sends: one command, or an all-or-nothing batch; corrections carry the revision. */
export interface QuickEntryRequest {
  readonly commands: readonly RaceCommand[];
  /** The race revision the operator saw: a correction against a newer race is refused (409). */
  readonly revision?: number;
}

/** The quick entry, checked. */
export interface QuickEntryCheck {
  readonly mode: QuickEntryMode;
  readonly items: readonly QuickEntryItem[];
  /** Every problem that holds the entry back: the text's, then each number's, then the entry's. */
  readonly problems: readonly QuickEntryProblem[];
  /** DNF: the laps completed that will be recorded. */
  readonly laps: number | null;
  /** A correction: the placings this entry replaces. */
  readonly replaces: readonly number[] | null;
  /** The commands the typed numbers stand for (empty while nothing is typed). */
  readonly commands: readonly RaceCommand[];
  /**
   * The engine's answer to `commands` on the pushed state, as the host would give it: its
   * first refusal, or null when it would accept them all.
   */
  readonly refusal: RuleRefusal | null;
  /** What Enter sends; null while there is nothing to send or a problem. */
  readonly request: QuickEntryRequest | null;
}

const meta = { at: '', source: 'pre-check' };
/** What was entered, whatever the moment. */
const entered = { moment: false } as const;

/** The engine's verdict on commands sent as one request: its first refusal, or null. */
export function rulesVerdict(
  state: RaceState,
  commands: readonly RaceCommand[],
): RuleRefusal | null {
  const history = RaceHistory.at(state);
  for (const command of commands) {
    const decision = history.decide(command, meta);
    if (!decision.ok) return decision;
    history.commit(decision);
  }
  return null;
}

/** A refusal as a problem of the entry, in the engine's code, parameters and words. */
const problemOf = (refusal: RuleRefusal): QuickEntryProblem => ({
  code: refusal.code,
  params: refusal.params,
  error: refusal.error,
});

/** The problems the rules find: per typed number (by index), and of the entry as a whole. */
interface Placed {
  readonly marks: ReadonlyMap<number, QuickEntryProblem>;
  readonly entry: readonly QuickEntryProblem[];
}

/** The typed number a refusal names: its repeat for `twice`, else its first unmarked one. */
function tokenOf(refusal: RuleRefusal, bibs: readonly number[], left: readonly number[]) {
  const bib = refusal.params.bib;
  const at = left.filter((index) => bibs[index] === bib);
  return refusal.code === 'twice' ? at[1] : at[0];
}

/**
 * One command for all typed numbers (sprint placings, the finish order): decide, mark the
 * number the refusal names, decide again without it, until the rest passes or the refusal is
 * the entry's as a whole.
 */
function placeInOne(
  state: RaceState,
  bibs: readonly number[],
  command: (bibs: number[]) => RaceCommand,
): Placed {
  const marks = new Map<number, QuickEntryProblem>();
  let left = bibs.map((_, index) => index);
  while (left.length > 0) {
    const decision = RaceHistory.at(state).decide(
      command(left.map((index) => bibs[index]!)),
      meta,
      entered,
    );
    if (decision.ok) break;
    const token = tokenOf(decision, bibs, left);
    if (token === undefined) return { marks, entry: [problemOf(decision)] };
    marks.set(token, problemOf(decision));
    left = left.filter((index) => index !== token);
  }
  return { marks, entry: [] };
}

/**
 * One command per typed number (statuses, q, a time), decided in order as the host decides a
 * batch; a number typed twice is marked without asking the rules (they would take it twice).
 */
function placeEach(
  state: RaceState,
  bibs: readonly number[],
  command: (bib: number) => RaceCommand,
): Placed {
  const marks = new Map<number, QuickEntryProblem>();
  const history = RaceHistory.at(state);
  for (const [index, bib] of bibs.entries()) {
    if (bibs.indexOf(bib) !== index) {
      marks.set(index, { code: 'twice', params: { bib } });
      continue;
    }
    const decision = history.decide(command(bib), meta, entered);
    if (decision.ok) {
      history.commit(decision);
      continue;
    }
    if (decision.params.bib !== bib) return { marks, entry: [problemOf(decision)] };
    marks.set(index, problemOf(decision));
  }
  return { marks, entry: [] };
}

/** Pre-checks a parsed quick entry against the race. */
export function preCheckQuickEntry(
  parsed: ParsedQuickEntry,
  race: RaceView | null,
): QuickEntryCheck {
  const { mode } = parsed;
  const none = { laps: null, replaces: null, commands: [], refusal: null, request: null };
  if (!race) {
    const problems: QuickEntryProblem[] = parsed.empty ? [] : [{ code: 'noRace' }];
    return { mode, items: [], problems, ...none };
  }
  const { state } = race;
  const isDnf = mode.kind === 'status' && mode.status === 'DNF';
  const bibs = isDnf ? parsed.numbers.slice(0, 1) : parsed.numbers;
  const text: QuickEntryProblem[] = [];
  let laps: number | null = null;
  let replaces: readonly number[] | null = null;
  let revision: number | undefined;
  let placed: Placed = { marks: new Map(), entry: [] };
  let commands: RaceCommand[] = [];
  const typed = bibs.length > 0;
  switch (mode.kind) {
    case 'sprint': {
      const placings = state.sprints[mode.sprint - 1] ?? [];
      if (placings.length > 0) {
        replaces = placings;
        revision = race.revision;
      }
      const sprint = (list: number[]): RaceCommand => ({
        type: 'sprint/placed',
        sprint: mode.sprint,
        bibs: list,
      });
      commands = [sprint([...bibs])];
      if (typed) placed = placeInOne(state, bibs, sprint);
      break;
    }
    case 'finish':
    case 'finishReplace': {
      const type =
        mode.kind === 'finish' && state.finishOrder.length > 0
          ? 'finish/appended'
          : 'finish/recorded';
      if (mode.kind === 'finishReplace') {
        if (state.finishOrder.length > 0) replaces = state.finishOrder;
        revision = race.revision;
      }
      const finish = (list: number[]): RaceCommand => ({ type, bibs: list });
      commands = [finish([...bibs])];
      if (typed) placed = placeInOne(state, bibs, finish);
      break;
    }
    case 'status': {
      if (isDnf && parsed.numbers.length > 2) text.push({ code: 'dnfArgs' });
      const dnfLaps = parsed.numbers[1] ?? state.lapsCompleted;
      if (isDnf) laps = dnfLaps;
      const status = (bib: number): RaceCommand =>
        isDnf
          ? { type: 'skater/statusChanged', bib, status: 'DNF', laps: dnfLaps }
          : { type: 'skater/statusChanged', bib, status: mode.status };
      commands = bibs.map(status);
      placed = placeEach(state, bibs, status);
      break;
    }
    case 'advance': {
      const advance = (bib: number): RaceCommand => ({ type: 'qualifier/advanced', bib });
      commands = bibs.map(advance);
      placed = placeEach(state, bibs, advance);
      break;
    }
    case 'time': {
      const { time } = parsed;
      if (!parsed.empty && (bibs.length !== 1 || time === null)) text.push({ code: 'timeArgs' });
      const timed = (bib: number): RaceCommand => ({ type: 'finish/timed', bib, time: time! });
      commands = time === null ? [] : bibs.slice(0, 1).map(timed);
      if (time !== null) placed = placeEach(state, bibs.slice(0, 1), timed);
      break;
    }
  }
  if (!typed) commands = [];
  const items = bibs.map((bib, index): QuickEntryItem => {
    const skater = state.skaters.find((s) => s.bib === bib);
    return {
      bib,
      name: skater?.name ?? null,
      nation: skater?.nation ?? '',
      problem: placed.marks.get(index) ?? null,
    };
  });
  const problems = [
    ...parsed.problems,
    ...items.flatMap((item) => (item.problem ? [item.problem] : [])),
    ...text,
    ...placed.entry,
  ];
  const sendable = problems.length === 0 && commands.length > 0;
  const request: QuickEntryRequest | null = sendable
    ? { commands, ...(revision === undefined ? {} : { revision }) }
    : null;
  return {
    mode,
    items,
    problems,
    laps,
    replaces,
    commands,
    refusal: commands.length > 0 ? rulesVerdict(state, commands) : null,
    request,
  };
}
