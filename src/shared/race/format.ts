import { z } from 'zod';
import { strictObject } from '../unknown-fields.ts';

/**
 * A race format as data: laps, sprint laps and points tables, plus the behaviours the rules
 * document marks as unconfirmed (../shared/docs/mass-start-rules.md, "Ranking" 4-6). Strict
 * (issue 17): `"sprintLap": [4]` is refused, not a format without sprints.
 */
export const raceFormatSchema = strictObject({
  name: z.string().min(1).default('custom'),
  laps: z.number().int().min(1).max(1000),
  sprintLaps: z.array(z.number().int().min(1)).max(100),
  intermediatePoints: z.array(z.number().int().min(0)).max(50),
  finalPoints: z.array(z.number().int().min(0)).min(1).max(50),
  /** The first N across the finish line rank 1..N by crossing order (rule 1; 0 = points only). */
  podiumByFinishOrder: z.number().int().min(0).max(50).default(3),
  /** Unconfirmed rule 4: a non-finisher keeps sprint points when ranked among non-finishers. */
  nonFinishersKeepPoints: z.boolean().default(true),
  /** Unconfirmed rule 5: a disqualified skater loses their points. */
  disqualifiedLosePoints: z.boolean().default(true),
  /** Unconfirmed rule 6: lapped skaters stay and rank after the lead lap, or are pulled as DNF. */
  lappedSkaters: z.enum(['rank', 'pull']).default('rank'),
}).superRefine((format, ctx) => {
  format.sprintLaps.forEach((lap, index) => {
    if (lap >= format.laps) {
      ctx.addIssue({
        code: 'custom',
        path: ['sprintLaps', index],
        message: `sprint lap ${lap} must be before the last lap (${format.laps}); the finish is the final sprint`,
      });
    }
    const previous = format.sprintLaps[index - 1];
    if (previous !== undefined && lap <= previous) {
      ctx.addIssue({
        code: 'custom',
        path: ['sprintLaps', index],
        message: 'sprint laps must be in increasing order',
      });
    }
  });
});

/** A validated race format. */
export type RaceFormat = z.output<typeof raceFormatSchema>;

/** A race format as written by a user (defaults may be left out). */
export type RaceFormatInput = z.input<typeof raceFormatSchema>;

/** ISU format from 2018/19 onwards (Beijing 2022, Milano Cortina 2026): 3-2-1 and 60-40-20-10-6-3. */
export const isu2018: RaceFormat = raceFormatSchema.parse({
  name: 'isu-2018',
  laps: 16,
  sprintLaps: [4, 8, 12],
  intermediatePoints: [3, 2, 1],
  finalPoints: [60, 40, 20, 10, 6, 3],
});

/** ISU format up to 2017/18 (PyeongChang 2018): 5-3-1 and 60-40-20. */
export const isu2014: RaceFormat = raceFormatSchema.parse({
  name: 'isu-2014',
  laps: 16,
  sprintLaps: [4, 8, 12],
  intermediatePoints: [5, 3, 1],
  finalPoints: [60, 40, 20],
});

/** The named presets, by the name a sheet or the API uses. */
export const formatPresets: Readonly<Record<string, RaceFormat>> = {
  'isu-2018': isu2018,
  'isu-2014': isu2014,
};

/** A preset name or a custom format object. */
export const formatRefSchema = z.union([z.string(), raceFormatSchema]);

/** Resolves a preset name or a custom format; the error names the unknown preset. */
export function resolveFormat(ref: string | RaceFormat): RaceFormat {
  if (typeof ref !== 'string') return ref;
  const preset = formatPresets[ref];
  if (!preset) {
    throw new Error(
      `unknown race format "${ref}" (known: ${Object.keys(formatPresets).join(', ')}, or a custom format object)`,
    );
  }
  return preset;
}

/** Laps to go at which intermediate sprint k (1-based) is decided: 12, 8 and 4 in the ISU format. */
export function sprintLapsToGo(format: RaceFormat, sprint: number): number {
  const lap = format.sprintLaps[sprint - 1];
  if (lap === undefined) throw new RangeError(`sprint ${sprint} is not in the format`);
  return format.laps - lap;
}
