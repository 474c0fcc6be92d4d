import { boardLanguageSchema, labelOverridesSchema } from '../board/labels.ts';
import { z } from 'zod';
import { formatRefSchema } from '../race/format.ts';
import { strictJournalEntrySchema, roundSchema, titleSchema } from '../race/events.ts';
import { meetingSettingsSchema } from './meeting.ts';
import { cleanName } from '../text.ts';
import { timingSettingsSchema, type TimingSettings } from '../timing/settings.ts';
import { strictObject } from '../unknown-fields.ts';

/** What the venue board shows. */
export const boardSceneSchema = z.enum(['blank', 'startList', 'live', 'sprint', 'results']);
export type BoardScene = z.output<typeof boardSceneSchema>;

/**
 * Broadcast overlay elements, each cut in and out on its own. `needs` (issue 18): the "what they
 * need" lower third in a running semi's last laps. `breakaway` and `gap` (issue 21, from the
 * loop's passings): the breakaway lower third, and the gap bug beside the laps bug. The list
 * only grows (a published contract).
 */
export const overlayElementSchema = z.enum([
  'lapsToGo',
  'standings',
  'sprint',
  'result',
  'needs',
  'breakaway',
  'gap',
]);
export type OverlayElement = z.output<typeof overlayElementSchema>;

/**
 * How the board and overlay look: language, theme, overlay layout (one set per meeting); strict
 * (issue 17), and read leniently from program.json (src/shared/program/program-file.ts).
 */
export const displaySettingsSchema = strictObject({
  /** The board's and the overlay's language (issue 18: German and Italian beside English, Dutch). */
  language: boardLanguageSchema.default('en'),
  theme: z.enum(['default', 'high-contrast']).default('default'),
  /** How many of the standings the overlay shows. */
  overlayTop: z.number().int().min(1).max(24).default(8),
  overlayPosition: z
    .enum(['top-left', 'top-right', 'bottom-left', 'bottom-right'])
    .default('top-left'),
  /** A chroma-key background for the overlay instead of transparency, e.g. #00ff00. */
  chromaKey: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #00ff00')
    .nullable()
    .default(null),
  /** Safe-area margin as a share of the output (0.05 = 5 % on each side). */
  safeArea: z.number().min(0).max(0.2).default(0.05),
  /** How long the sprint result banner stays up. */
  sprintBannerSeconds: z.number().min(1).max(60).default(8),
  /**
   * How the venue board lays out (issue 18): `far`, big type for the far stand, at most 8 rows at
   * a time, paging through the field; `dense`, everyone at once. A board URL's `?layout=` wins.
   */
  boardLayout: z.enum(['far', 'dense']).default('far'),
  /** The meeting's own words for any board label (`{"lapsToGo": "GIRI"}`); the rest by language. */
  labels: labelOverridesSchema,
});
export type DisplaySettings = z.output<typeof displaySettingsSchema>;

/** The settings of a new meeting. */
export const defaultDisplaySettings: DisplaySettings = displaySettingsSchema.parse({});

/** The two outputs: the venue board and the broadcast overlay. */
export const outputSchema = z.enum(['board', 'overlay']);
export type Output = z.output<typeof outputSchema>;

/** Which overlay elements are cut in. */
export type OverlayVisibility = Readonly<Record<OverlayElement, boolean>>;

/**
 * What each output shows now (after auto mode, src/shared/protocol/auto-scenes.ts), whether it
 * follows the race by itself, and whether a manual cut holds until the next phase change.
 */
export interface Scenes {
  readonly board: BoardScene;
  readonly overlay: OverlayVisibility;
  readonly auto: Readonly<Record<Output, boolean>>;
  /** True while a manual cut overrides auto mode (until the race's next phase change). */
  readonly held: Readonly<Record<Output, boolean>>;
}

/** A race of the meeting as listed in the program. */
export interface RaceSummary {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly round: 'semi' | 'final';
  readonly skaters: number;
  readonly phase: string;
  readonly revision: number;
}

/** The meeting: its races, the one on the boards, and the scenes. */
export interface ProgramView {
  /**
   * Grows with every accepted program change, and carries on after a restart: send it with a
   * program command to have it refused (409) if someone changed the program first (issue 10).
   */
  readonly revision: number;
  readonly meeting: string;
  readonly races: readonly RaceSummary[];
  readonly activeRaceId: string | null;
  readonly scenes: Scenes;
  readonly display: DisplaySettings;
  /** The meeting's timing feed settings (issue 12). */
  readonly timing: TimingSettings;
  /** Whether the public live feed (/public/v1/, issue 13) is served. */
  readonly publicFeed: boolean;
  /** Where the meeting is held; '' when not given (meeting/configured, issue 19). */
  readonly venue: string;
  /** The meeting's day, YYYY-MM-DD; null when not given. */
  readonly meetingDate: string | null;
  /** The meeting's IANA time zone; null: the host's own. */
  readonly timeZone: string | null;
  /** The epoch of the primary that sent this view (issue 20: grows with every takeover). */
  readonly epoch: number;
}

/**
 * The fields of a settings schema as changes: each optional, and a field left out stays out (a
 * plain `.partial()` would fill in the defaults, and a change of one setting reset the others).
 */
function changesOf<T extends z.ZodRawShape>(
  shape: T,
): { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]> } {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional(),
    ]),
  ) as never;
}

/** A race's category ("Men", "Ladies"): cleaned as a name, may be empty. */
const categorySchema = z.string().overwrite(cleanName).max(100).default('');

const raceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'race ids are lower-case letters, digits and dashes');

/** Commands on the program (not on one race); strict (issue 17): an unknown field is refused. */
export const programCommandSchema = z.discriminatedUnion('type', [
  strictObject({ type: z.literal('meeting/renamed'), name: titleSchema }),
  strictObject({
    type: z.literal('race/added'),
    id: raceId.optional(),
    title: titleSchema,
    category: categorySchema,
    round: roundSchema,
    qualifiers: z.number().int().min(0).max(100).default(0),
    format: formatRefSchema.default('isu-2018'),
  }),
  strictObject({ type: z.literal('race/activated'), raceId }),
  strictObject({
    type: z.literal('final/built'),
    semis: z.tuple([raceId, raceId]),
    id: raceId.optional(),
    title: titleSchema,
    category: categorySchema,
  }),
  strictObject({
    type: z.literal('scene/shown'),
    output: z.literal('board'),
    scene: boardSceneSchema,
  }),
  strictObject({
    type: z.literal('overlay/toggled'),
    element: overlayElementSchema,
    visible: z.boolean(),
  }),
  /** Auto mode of an output: follow the race's phases by itself (issue 9), or hold manual cuts. */
  strictObject({ type: z.literal('output/auto'), output: outputSchema, auto: z.boolean() }),
  /** Takes a race out of the program; its journal moves to DATA/removed/ (never deleted). */
  strictObject({ type: z.literal('race/removed'), raceId }),
  strictObject({
    type: z.literal('display/configured'),
    ...changesOf(displaySettingsSchema.shape),
  }),
  /** The public live feed on or off (off by default): /public/v1/live.json and the public page. */
  strictObject({ type: z.literal('public/configured'), enabled: z.boolean() }),
  /** The timing feed: the decoder (`p3://HOST:PORT`, null: off), auto laps, the minimum lap time. */
  strictObject({ type: z.literal('timing/configured'), ...changesOf(timingSettingsSchema.shape) }),
  /** Replays a recorded race journal into a new race "Rehearsal · ..." (src/main/host/rehearsal.ts). */
  strictObject({
    type: z.literal('rehearsal/started'),
    recording: z.array(strictJournalEntrySchema).min(1).max(5000),
    /** 10 = ten times as fast as recorded. */
    speed: z.number().min(0.1).max(1000).default(10),
    /** Make the rehearsal race the active one (auto mode then cuts the scenes as the race goes). */
    onBoards: z.boolean().default(true),
  }),
  strictObject({ type: z.literal('rehearsal/stopped') }),
  /**
   * The meeting's facts (issue 19): name, venue, day (YYYY-MM-DD) and IANA time zone, each sent
   * only when it changes; the results sheet, the exports and the feed print them.
   */
  strictObject({
    type: z.literal('meeting/configured'),
    ...changesOf(meetingSettingsSchema.shape),
  }),
]);
export type ProgramCommand = z.output<typeof programCommandSchema>;
