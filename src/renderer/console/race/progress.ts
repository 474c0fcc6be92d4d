/**
 * Where the race is, for the operator: what to announce (sprint lap, bell, placings due) and
 * which entry mode fits the moment. Derived from the host's race view; computes no results.
 */
import type { RaceView } from '../../../shared/race/view.ts';
import type { QuickEntryMode } from '../quick-entry/parse.ts';
import type { LabelKey, LabelParams } from '../labels/i18n.ts';

/** A line the console announces above the entry. */
export interface Announcement {
  readonly key: LabelKey;
  readonly params?: LabelParams;
  /** sprint and bell laps are flagged loudly; due entries as a call to act. */
  readonly tone: 'calm' | 'sprint' | 'bell' | 'due' | 'done';
}

/** The sprint being run, or else the newest one decided (1 before the race). */
export function currentSprint(race: RaceView): number {
  if (typeof race.sprintLap === 'number') return race.sprintLap;
  return race.sprintsDone[race.sprintsDone.length - 1] ?? 1;
}

/** The mode the entry line offers by itself: the current sprint, or the finish from the bell on. */
export function suggestedMode(race: RaceView | null): QuickEntryMode {
  if (!race || !race.state.started) return { kind: 'sprint', sprint: 1 };
  if (race.lapsToGo <= 1 || race.state.format.sprintLaps.length === 0) return { kind: 'finish' };
  return { kind: 'sprint', sprint: currentSprint(race) };
}

/** What to tell the operator now, most urgent first. */
export function announcements(race: RaceView | null): Announcement[] {
  if (!race) return [];
  const { state } = race;
  if (state.official) return [{ key: 'announce.official', tone: 'done' }];
  if (!state.started) return [{ key: 'announce.ready', tone: 'calm' }];
  const list: Announcement[] = [];
  if (race.bell) list.push({ key: 'announce.bell', tone: 'bell' });
  else if (typeof race.sprintLap === 'number')
    list.push({ key: 'announce.sprintLap', params: { sprint: race.sprintLap }, tone: 'sprint' });
  for (const sprint of race.sprintsDone) {
    if ((state.sprints[sprint - 1] ?? []).length === 0)
      list.push({ key: 'announce.sprintDue', params: { sprint }, tone: 'due' });
  }
  if (race.lapsToGo === 0) {
    const racing = race.standings.rows.filter(
      (row) => row.status === 'OK' || row.status === 'LAPPED',
    ).length;
    const known = state.finishOrder.length;
    if (known === 0) list.push({ key: 'announce.finishDue', tone: 'due' });
    else if (race.standings.phase === 'finishing')
      list.push({
        key: 'announce.finishPartial',
        params: { count: known, total: racing },
        tone: 'due',
      });
    else list.push({ key: 'announce.final', tone: 'due' });
  } else if (!race.bell && race.sprintLap === null) {
    const next = nextSprint(race);
    if (next) list.push({ key: 'announce.lapsLeft', params: next, tone: 'calm' });
  }
  return list;
}

/** The next intermediate sprint and how many more laps until its sprint lap starts. */
function nextSprint(race: RaceView): { sprint: number; laps: number } | null {
  const { format, lapsCompleted } = race.state;
  const index = format.sprintLaps.findIndex((lap) => lap > lapsCompleted);
  if (index === -1) return null;
  return { sprint: index + 1, laps: format.sprintLaps[index]! - 1 - lapsCompleted };
}
