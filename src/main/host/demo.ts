import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { skaterSchema } from '../../shared/race/events.ts';
import { roundSchema } from '../../shared/race/events.ts';
import type { RaceHost } from './host.ts';

const demoSchema = z.object({
  meeting: z.string(),
  races: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      category: z.string(),
      round: roundSchema,
      qualifiers: z.number().int(),
      format: z.string(),
      skaters: z.array(skaterSchema),
    }),
  ),
});

/**
 * Loads the demo meeting (resources/demo) into an empty host: two semi-finals of 12 with their
 * start lists, the first one active. Does nothing when the program already has races.
 */
export async function loadDemoMeeting(host: RaceHost, file: string): Promise<boolean> {
  if (host.program().races.length > 0) return false;
  const demo = demoSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const expectOk = (result: Awaited<ReturnType<RaceHost['submit']>>) => {
    if (!result.ok) throw new Error(`demo meeting: ${result.error}`);
    return result;
  };
  expectOk(await host.programCommand({ type: 'meeting/renamed', name: demo.meeting }, 'demo'));
  for (const race of demo.races) {
    const { id, title, category, round, qualifiers, format } = race;
    expectOk(
      await host.programCommand(
        { type: 'race/added', id, title, category, round, qualifiers, format },
        'demo',
      ),
    );
    expectOk(
      await host.submit(
        { kind: 'single', command: { type: 'startList/set', skaters: race.skaters } },
        'demo',
        id,
      ),
    );
  }
  expectOk(
    await host.programCommand({ type: 'scene/shown', output: 'board', scene: 'startList' }, 'demo'),
  );
  return true;
}
