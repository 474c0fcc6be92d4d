// The one host fixture: a real race host on a fresh temp data directory with one race added
// (active) and its start list set. The API server, the board pages and the Electron adapter
// tests all build on it (issue 10: it used to be written four times).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RaceHost, type HostOptions } from '../../src/main/host/host.ts';
import type { ProgramCommand } from '../../src/shared/protocol/program.ts';
import type { Skater } from '../../src/shared/race/events.ts';
import { skaters } from './race.ts';

/** The race/added command the fixture sends. */
export type RaceAdded = Extract<ProgramCommand, { type: 'race/added' }>;

/** What the fixture opens; every field has a default (a semi of 12 skaters, 8 qualify). */
export interface HostFixtureOptions {
  /** Prefix of the temp data directory's name. */
  readonly prefix?: string;
  /** Renames the meeting before the race is added. */
  readonly meeting?: string;
  /** Changes to the race/added command ("Men Semi 1", semi, 8 qualifiers, isu-2018). */
  readonly race?: Partial<Omit<RaceAdded, 'type'>>;
  /** The start list (default: bibs 1-12, "Skater n"). */
  readonly skaters?: readonly Skater[];
  /** Host options besides the data directory (clock, log). */
  readonly host?: Omit<HostOptions, 'dataDir'>;
}

/** The host and its data directory; close() closes the host and removes the directory. */
export interface HostFixture {
  readonly dataDir: string;
  readonly host: RaceHost;
  /** The race the fixture added ("men-semi-1" by default), active. */
  readonly raceId: string;
  /** The race's journal file. */
  readonly journalPath: string;
  close(): Promise<void>;
}

/** The default race: the title's slug makes its id "men-semi-1". */
export const defaultRace: RaceAdded = {
  type: 'race/added',
  title: 'Men Semi 1',
  category: 'Men',
  round: 'semi',
  qualifiers: 8,
  format: 'isu-2018',
};

/** Throws the host's refusal in words; returns the accepted result. */
export function expectAccepted<T extends { ok: boolean }>(
  result: T,
): Extract<T, { ok: true }> & { revision: number } {
  if (!result.ok) throw new Error((result as unknown as { error: string }).error);
  return result as Extract<T, { ok: true }> & { revision: number };
}

/**
 * Adds a race to a host (the default semi, with `changes`) and sets its start list; returns its
 * id. Tests that need several races, or a host of their own, use this with openHost's defaults.
 */
export async function addRace(
  host: RaceHost,
  changes: Partial<Omit<RaceAdded, 'type'>> = {},
  startList: readonly Skater[] = skaters(12),
): Promise<string> {
  const added = expectAccepted(await host.programCommand({ ...defaultRace, ...changes }, 'test'));
  const raceId = added.raceId;
  if (!raceId) throw new Error('race/added answered without a race id');
  expectAccepted(
    await host.submit(
      { kind: 'single', command: { type: 'startList/set', skaters: [...startList] } },
      'test',
      raceId,
    ),
  );
  return raceId;
}

/** Opens a host on a fresh temp directory with one race added (active) and its start list. */
export async function openHost(options: HostFixtureOptions = {}): Promise<HostFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), `${options.prefix ?? 'host'}-`));
  const host = await RaceHost.open({ ...options.host, dataDir });
  try {
    if (options.meeting !== undefined)
      expectAccepted(
        await host.programCommand({ type: 'meeting/renamed', name: options.meeting }, 'test'),
      );
    const raceId = await addRace(host, options.race, options.skaters);
    return {
      dataDir,
      host,
      raceId,
      journalPath: join(dataDir, 'races', `${raceId}.jsonl`),
      close: async () => {
        await host.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
