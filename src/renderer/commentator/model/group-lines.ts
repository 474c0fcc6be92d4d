/**
 * Groups and gaps as the commentators tell them (issue 21): the breakaway, each group from the
 * front with its helmets and its gap behind the leading group's head (seconds, and metres at
 * the leader's speed), the lapped skaters apart. All from the host's `gaps` value, derived from
 * the loop's passings (src/shared/timing/groups.ts); with no timing feed nothing is invented.
 */
import { skaterByBib } from '../../../shared/race/state.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import type { GapsView } from '../../../shared/timing/gaps-view.ts';
import { gapText, lapsDownText, lapText, shortName } from './figures.ts';

/** A helmet in a group, with the name to say. */
export interface GroupHelmet {
  readonly bib: number;
  readonly name: string;
}

/** One group on the ice. */
export interface GroupLine {
  /** 1 from the front. */
  readonly number: number;
  readonly helmets: readonly GroupHelmet[];
  /** "lead", "+12.9". */
  readonly gap: string;
  /** "52 m"; empty before the leader has a lap. */
  readonly metres: string;
  /** The lap the gap was measured at. */
  readonly lap: number;
  /** This group is the breakaway. */
  readonly away: boolean;
}

/** The groups panel. */
export interface GroupsModel {
  /** No feed (nothing known), waiting for the first lap, or groups to show. */
  readonly state: 'none' | 'waiting' | 'live';
  /** "BREAKAWAY · #5 #12 #17 · +12.9 s · gaining 0.8 s"; null without one. */
  readonly breakaway: {
    readonly text: string;
    readonly trend: 'gaining' | 'losing' | 'new' | 'same';
  } | null;
  readonly groups: readonly GroupLine[];
  /** "#9 −1 lap", one each. */
  readonly lapped: readonly string[];
  /** The rule and the leader's lap: "new group after 1.0 s · leader's last lap 29.84". */
  readonly note: string;
}

/** The groups of the race on screen; `gaps` of another race count as none. */
export function groupsModel(race: RaceView, gaps: GapsView | null): GroupsModel {
  if (!gaps)
    return {
      state: 'none',
      breakaway: null,
      groups: [],
      lapped: [],
      note: 'No timing feed on this race: groups and gaps come from the loop’s passings.',
    };
  const named = (bib: number): GroupHelmet => ({
    bib,
    name: shortName(skaterByBib(race.state, bib)),
  });
  const away = gaps.breakaway;
  const groups = gaps.groups.map((group, index): GroupLine => ({
    number: index + 1,
    helmets: group.helmets.map(named),
    gap: gapText(group.behindLeaderSeconds),
    metres:
      group.behindLeaderMetres === null || index === 0
        ? ''
        : `${Math.round(group.behindLeaderMetres)} m`,
    lap: group.lap,
    away: index === 0 && away !== null,
  }));
  const lapped = gaps.skaters
    .filter((skater) => skater.lapsBehind > 0)
    .map((skater) => `#${skater.bib} ${lapsDownText(skater.lapsBehind)}`);
  const rule = `new group after ${gaps.thresholdSeconds.toFixed(1)} s`;
  const leaderLap =
    gaps.leaderLapMs === null ? '' : ` · leader’s last lap ${lapText(gaps.leaderLapMs)}`;
  return {
    state: groups.length === 0 ? 'waiting' : 'live',
    breakaway: away && {
      text: `BREAKAWAY · ${away.helmets.map((bib) => `#${bib}`).join(' ')} · +${away.leadSeconds.toFixed(1)} s${changeText(away.changeSeconds)}`,
      trend: trendOf(away.changeSeconds),
    },
    groups,
    lapped,
    note: `${rule}${leaderLap}`,
  };
}

/** The lead's change since the lap before, to a tenth (what the figure shows). */
function trendOf(change: number | null): 'gaining' | 'losing' | 'new' | 'same' {
  if (change === null) return 'new';
  const tenths = Math.round(change * 10);
  return tenths > 0 ? 'gaining' : tenths < 0 ? 'losing' : 'same';
}

/** The lead's change over the last lap: gaining or losing, in seconds. */
function changeText(change: number | null): string {
  const trend = trendOf(change);
  if (trend === 'new') return ' · new';
  if (trend === 'same') return ' · holding';
  return ` · ${trend} ${Math.abs(change!).toFixed(1)} s`;
}
