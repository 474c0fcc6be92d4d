import { z } from 'zod';
import { formatRefSchema } from '../race/format.ts';
import { roundSchema } from '../race/events.ts';

/** What the venue board shows. */
export const boardSceneSchema = z.enum(['blank', 'startList', 'live', 'sprint', 'results']);
export type BoardScene = z.output<typeof boardSceneSchema>;

/** Broadcast overlay elements, each cut in and out on its own. */
export const overlayElementSchema = z.enum(['lapsToGo', 'standings', 'sprint', 'result']);
export type OverlayElement = z.output<typeof overlayElementSchema>;

/** What each output shows now. */
export interface Scenes {
  readonly board: BoardScene;
  readonly overlay: Readonly<Record<OverlayElement, boolean>>;
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
  readonly meeting: string;
  readonly races: readonly RaceSummary[];
  readonly activeRaceId: string | null;
  readonly scenes: Scenes;
}

const raceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'race ids are lower-case letters, digits and dashes');

/** Commands on the program (not on one race). */
export const programCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('meeting/renamed'), name: z.string().trim().min(1).max(200) }),
  z.object({
    type: z.literal('race/added'),
    id: raceId.optional(),
    title: z.string().trim().min(1).max(200),
    category: z.string().trim().max(100).default(''),
    round: roundSchema,
    qualifiers: z.number().int().min(0).max(100).default(0),
    format: formatRefSchema.default('isu-2018'),
  }),
  z.object({ type: z.literal('race/activated'), raceId }),
  z.object({
    type: z.literal('final/built'),
    semis: z.tuple([raceId, raceId]),
    id: raceId.optional(),
    title: z.string().trim().min(1).max(200),
    category: z.string().trim().max(100).default(''),
  }),
  z.object({ type: z.literal('scene/shown'), output: z.literal('board'), scene: boardSceneSchema }),
  z.object({ type: z.literal('overlay/toggled'), element: overlayElementSchema, visible: z.boolean() }),
]);
export type ProgramCommand = z.output<typeof programCommandSchema>;
