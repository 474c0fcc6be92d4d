import { z } from 'zod';
import {
  boardSceneSchema,
  defaultDisplaySettings,
  displaySettingsSchema,
} from '../protocol/program.ts';
import { meetingDateSchema, timeZoneSchema, venueSchema } from '../protocol/meeting.ts';
import { defaultTimingSettings, timingSettingsSchema } from '../timing/settings.ts';

const phaseKeySchema = z.object({
  raceId: z.string().nullable(),
  phase: z.enum(['none', 'start', 'live', 'finished', 'official']),
});

const revisionSchema = z.number().int().min(0);

/**
 * The program as kept in DATA/program.json: the meeting's races (each with its journal), the
 * active race, the scenes, the display settings, and the program's revision.
 */
export const programFileSchema = z.object({
  version: z.literal(1),
  /**
   * Grows with every accepted program change and is checked like a race's (issue 10), so two
   * consoles cannot cancel each other's changes; kept here so it carries on after a restart.
   * Files written before it existed start at 0.
   */
  revision: revisionSchema.default(0),
  /**
   * The revisions the races removed from the program had, added up: the host revision counts
   * them (src/main/host/host.ts), so removing a race never takes it back.
   */
  removedRevisions: revisionSchema.default(0),
  meeting: z.string(),
  races: z.array(z.object({ id: z.string(), category: z.string().default('') })),
  activeRaceId: z.string().nullable(),
  scenes: z.object({
    board: boardSceneSchema,
    overlay: z.object({
      lapsToGo: z.boolean(),
      standings: z.boolean(),
      sprint: z.boolean(),
      result: z.boolean(),
      /** The "what they need" lower third (issue 18); files written before it existed: off. */
      needs: z.boolean().default(false),
      /** The breakaway lower third and the gap bug (issue 21); older files: off. */
      breakaway: z.boolean().default(false),
      gap: z.boolean().default(false),
    }),
    /** Auto mode per output (issue 9); files written before it existed get it on. */
    auto: z.object({ board: z.boolean(), overlay: z.boolean() }).default({
      board: true,
      overlay: true,
    }),
    holds: z
      .object({ board: phaseKeySchema.nullable(), overlay: phaseKeySchema.nullable() })
      .default({ board: null, overlay: null }),
  }),
  // Read leniently (issue 17): a setting another version wrote is left out, not refused.
  display: displaySettingsSchema.strip().default(defaultDisplaySettings),
  /** The timing feed of the meeting (issue 12); files written before it existed have none. */
  timing: timingSettingsSchema.strip().default(defaultTimingSettings),
  /** The public live feed (/public/v1/, issue 13) is served: off unless switched on per meeting. */
  publicFeed: z.boolean().default(false),
  // The meeting's facts (meeting/configured, issue 19); files written before them have the name
  // alone. Read leniently: a day or zone this runtime cannot read is left out, not refused.
  venue: venueSchema.catch('').default(''),
  meetingDate: meetingDateSchema.nullable().catch(null).default(null),
  timeZone: timeZoneSchema.nullable().catch(null).default(null),
  /**
   * Grows with every takeover by a standby (issue 20): the primary with the highest epoch is the
   * one every view follows, and a deposed primary refuses commands.
   */
  epoch: z.number().int().min(1).default(1),
});
export type ProgramFile = z.output<typeof programFileSchema>;

/** A new, empty program. */
export function emptyProgram(meeting = 'Mass Start meeting'): ProgramFile {
  return {
    version: 1,
    revision: 0,
    removedRevisions: 0,
    meeting,
    races: [],
    activeRaceId: null,
    scenes: {
      board: 'live',
      overlay: {
        lapsToGo: true,
        standings: true,
        sprint: true,
        result: false,
        needs: false,
        breakaway: false,
        gap: false,
      },
      auto: { board: true, overlay: true },
      holds: { board: null, overlay: null },
    },
    display: defaultDisplaySettings,
    timing: defaultTimingSettings,
    publicFeed: false,
    venue: '',
    meetingDate: null,
    timeZone: null,
    epoch: 1,
  };
}
