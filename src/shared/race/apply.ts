import { check } from './errors.ts';
import type { RaceEvent, RaceEventOf, Skater } from './events.ts';
import { sprintLapsToGo } from './format.ts';
import { lapsToGo } from './progress.ts';
import { isRacing, skaterByBib, statusOf, type RaceState } from './state.ts';

type Handler<T extends RaceEvent['type']> = (state: RaceState, event: RaceEventOf<T>) => RaceState;
type Handlers = { [T in Exclude<RaceEvent['type'], 'event/voided'>]: Handler<T> };

/**
 * Applies one event to the state, or throws a RaceRuleError that tells the operator why not.
 * Pure: the state passed in is never changed. Voids are handled by the history (history.ts).
 */
export function applyEvent(state: RaceState, event: RaceEvent): RaceState {
  check(event.type !== 'event/voided', 'a void is applied by the race history, not to a state');
  if (event.type !== 'results/reopened') {
    check(!state.official, 'the results are official: reopen them before changing anything');
  }
  const handler = handlers[event.type] as Handler<typeof event.type>;
  return handler(state, event);
}

const handlers: Handlers = {
  'race/configured': (state, event) => {
    if (state.started) {
      check(
        event.round === state.round &&
          event.qualifiers === state.qualifiers &&
          JSON.stringify(event.format) === JSON.stringify(state.format),
        'the race has started: only its title can still be changed',
      );
    }
    check(
      event.round !== 'semi' || event.qualifiers >= 1,
      'a semi-final needs the number of qualifiers (for example 8)',
    );
    return {
      ...state,
      configured: true,
      title: event.title,
      round: event.round,
      qualifiers: event.round === 'semi' ? event.qualifiers : 0,
      format: event.format,
      sprints: state.sprints.slice(0, event.format.sprintLaps.length),
    };
  },

  'startList/set': (state, event) => {
    check(!state.started, 'the race has started: edit or withdraw single skaters instead');
    const seen = new Map<number, Skater>();
    for (const skater of event.skaters) {
      const first = seen.get(skater.bib);
      check(
        !first,
        `helmet number ${skater.bib} appears twice on the start list (${first?.name} and ${skater.name})`,
      );
      seen.set(skater.bib, skater);
    }
    return { ...state, skaters: event.skaters, status: {}, lapsByBib: {}, times: {}, advanced: [] };
  },

  'skater/edited': (state, event) => {
    const { type: _type, bib, ...changes } = event;
    const skater = known(state, bib);
    const edited = { ...skater, ...withoutUndefined(changes) };
    return { ...state, skaters: state.skaters.map((s) => (s.bib === bib ? edited : s)) };
  },

  'race/started': (state) => {
    check(state.skaters.length > 0, 'the start list is empty: load the skaters first');
    check(!state.started, 'the race has already started');
    return { ...state, started: true };
  },

  'lap/completed': (state) => {
    check(state.skaters.length > 0, 'the start list is empty: load the skaters first');
    check(lapsToGo(state) > 0, 'the leader has finished: laps to go cannot go below zero');
    return { ...state, started: true, lapsCompleted: state.lapsCompleted + 1 };
  },

  'laps/corrected': (state, event) => {
    check(state.started, 'the race has not started');
    check(
      event.lapsCompleted >= 0 && event.lapsCompleted <= state.format.laps,
      `laps completed must be between 0 and ${state.format.laps}: laps to go cannot go below zero`,
    );
    return { ...state, lapsCompleted: event.lapsCompleted };
  },

  'sprint/placed': (state, event) => {
    const { format } = state;
    const count = format.sprintLaps.length;
    check(
      event.sprint >= 1 && event.sprint <= count,
      `sprint ${event.sprint} is not in this format (intermediate sprints 1 to ${count}); the final sprint is the finish order`,
    );
    check(state.started, 'the race has not started');
    const places = format.intermediatePoints.length;
    check(
      event.bibs.length <= places,
      `sprint ${event.sprint} scores ${places} places, but ${event.bibs.length} helmet numbers were given`,
    );
    const decidedAt = sprintLapsToGo(format, event.sprint);
    check(
      lapsToGo(state) <= decidedAt + 1,
      `sprint ${event.sprint} is decided at ${decidedAt} laps to go; the race is at ${lapsToGo(state)}`,
    );
    checkPlacings(state, event.bibs, `sprint ${event.sprint}`);
    const sprints = Array.from({ length: count }, (_, i) => state.sprints[i] ?? []);
    sprints[event.sprint - 1] = event.bibs;
    return { ...state, sprints };
  },

  'finish/recorded': (state, event) => {
    checkFinish(state, event.bibs);
    return { ...state, finishOrder: event.bibs };
  },

  'finish/appended': (state, event) => {
    const finishOrder = [...state.finishOrder, ...event.bibs];
    checkFinish(state, finishOrder);
    return { ...state, finishOrder };
  },

  'finish/timed': (state, event) => {
    check(state.started, 'the race has not started');
    known(state, event.bib);
    check(statusOf(state, event.bib) !== 'DNS', `skater ${event.bib} did not start`);
    return { ...state, times: { ...state.times, [event.bib]: event.time } };
  },

  'skater/statusChanged': (state, event) => {
    const { bib, status } = event;
    known(state, bib);
    const finished = state.finishOrder.includes(bib);
    if (status === 'DNS') {
      check(
        !state.sprints.some((placing) => placing.includes(bib)),
        `skater ${bib} has sprint placings: correct the sprint before marking DNS`,
      );
      check(!finished, `skater ${bib} is in the finish order: correct it before marking DNS`);
    }
    if (status === 'DNF') {
      check(!finished, `skater ${bib} is in the finish order: remove them before marking DNF`);
    }
    if (event.laps !== undefined) {
      check(event.laps >= 0, 'laps completed cannot be below zero');
      check(
        event.laps <= state.format.laps,
        `laps completed cannot be more than the race's ${state.format.laps}`,
      );
    }
    const { [bib]: _oldStatus, ...otherStatus } = state.status;
    const { [bib]: _oldLaps, ...otherLaps } = state.lapsByBib;
    return {
      ...state,
      status: status === 'OK' ? otherStatus : { ...otherStatus, [bib]: status },
      lapsByBib: event.laps === undefined ? otherLaps : { ...otherLaps, [bib]: event.laps },
      advanced: status === 'DNS' || status === 'DQ' ? without(state.advanced, bib) : state.advanced,
    };
  },

  'qualifier/advanced': (state, event) => {
    check(state.round === 'semi', 'only a semi-final has qualifiers to advance');
    known(state, event.bib);
    const status = statusOf(state, event.bib);
    check(status !== 'DNS' && status !== 'DQ', `skater ${event.bib} is ${status}`);
    check(!state.advanced.includes(event.bib), `skater ${event.bib} has already been advanced`);
    return { ...state, advanced: [...state.advanced, event.bib] };
  },

  'results/confirmed': (state) => {
    check(state.finishOrder.length > 0, 'there is no finish order to confirm');
    const open = state.skaters
      .filter((s) => !state.finishOrder.includes(s.bib) && isRacing(state, s.bib))
      .map((s) => s.bib);
    check(
      open.length === 0,
      open.length > 1
        ? `skaters ${open.join(', ')} need a finish place or a status (DNF, DQ, DNS) first`
        : `skater ${open.join(', ')} needs a finish place or a status (DNF, DQ, DNS) first`,
    );
    return { ...state, official: true };
  },

  'results/reopened': (state) => {
    check(state.official, 'the results are not official');
    return { ...state, official: false };
  },
};

function known(state: RaceState, bib: number): Skater {
  const skater = skaterByBib(state, bib);
  check(skater, `helmet number ${bib} is not on the start list`);
  return skater;
}

function checkPlacings(state: RaceState, bibs: readonly number[], what: string): void {
  const seen = new Set<number>();
  for (const bib of bibs) {
    known(state, bib);
    check(!seen.has(bib), `skater ${bib} appears twice in ${what}`);
    seen.add(bib);
    const status = statusOf(state, bib);
    check(status !== 'DNS', `skater ${bib} did not start (DNS) and cannot be placed in ${what}`);
  }
}

function checkFinish(state: RaceState, bibs: readonly number[]): void {
  check(state.started, 'the race has not started');
  check(
    lapsToGo(state) <= 1,
    `the finish order comes on the last lap; the race is at ${lapsToGo(state)} laps to go`,
  );
  checkPlacings(state, bibs, 'the finish order');
  for (const bib of bibs) {
    check(
      statusOf(state, bib) !== 'DNF',
      `skater ${bib} is DNF: clear the status before placing them in the finish order`,
    );
  }
}

function without(list: readonly number[], bib: number): readonly number[] {
  return list.includes(bib) ? list.filter((b) => b !== bib) : list;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
