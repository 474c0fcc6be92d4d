// A real race host on a temp data directory with one semi-final of 12, active.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RaceHost } from '../../../src/main/host/host.ts';
import { skaters } from '../../support/race.ts';

/** The host and its data directory; close() removes both. */
export interface HostFixture {
  readonly dataDir: string;
  readonly host: RaceHost;
  readonly raceId: string;
  close(): Promise<void>;
}

/** Opens a host with "men-semi-1" (bibs 1-12) active. */
export async function openHost(): Promise<HostFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'electron-host-'));
  const host = await RaceHost.open({ dataDir });
  const added = await host.programCommand(
    {
      type: 'race/added',
      id: 'men-semi-1',
      title: 'Men Semi 1',
      category: 'Men',
      round: 'semi',
      qualifiers: 8,
      format: 'isu-2018',
    },
    'test',
  );
  if (!added.ok) throw new Error(added.error);
  const listed = await host.submit(
    { kind: 'single', command: { type: 'startList/set', skaters: skaters(12) } },
    'test',
    'men-semi-1',
  );
  if (!listed.ok) throw new Error(listed.error);
  return {
    dataDir,
    host,
    raceId: 'men-semi-1',
    close: async () => {
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
