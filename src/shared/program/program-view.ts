import type { ProgramView, RaceSummary, Scenes } from '../protocol/program.ts';
import type { ProgramFile } from './program-file.ts';

/**
 * The program as views get it: program.json's fields with the races and the scenes as they are
 * now. One place that knows the shape, so a field added to both (the meeting's venue, day and
 * zone of issue 19) cannot be kept on disk and left out of the views.
 */
export function programView(
  file: ProgramFile,
  races: readonly RaceSummary[],
  scenes: Scenes,
): ProgramView {
  const { meeting, revision, activeRaceId, display, timing, publicFeed } = file;
  const { venue, meetingDate, timeZone, epoch } = file;
  return {
    ...{ meeting, revision, races, activeRaceId, scenes, display, timing, publicFeed },
    // Appended (issue 19): the view is pushed as JSON, and its fields only grow.
    ...{ venue, meetingDate, timeZone },
    // Appended (issue 20): every push carries the epoch of the primary that sent it.
    epoch,
  };
}
