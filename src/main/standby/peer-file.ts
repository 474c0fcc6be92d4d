// DATA/peer.json: the other host of a pair (issue 20). A primary keeps its standby's address
// there, so after a restart on its folder it asks that host whether it took over before it
// accepts anything (the fence), without a third machine.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../host/atomic-file.ts';

const peerPath = (dataDir: string): string => join(dataDir, 'peer.json');

/** Keeps the peer's address. */
export async function savePeer(dataDir: string, peer: string): Promise<void> {
  await writeFileAtomic(peerPath(dataDir), `${JSON.stringify({ peer }, null, 2)}\n`);
}

/** The peer's address kept before, or null (none, or a file this cannot read). */
export async function loadPeer(dataDir: string): Promise<string | null> {
  try {
    const { peer } = JSON.parse(await readFile(peerPath(dataDir), 'utf8')) as { peer?: unknown };
    return typeof peer === 'string' && /^https?:\/\/[^/\s]+$/.test(peer) ? peer : null;
  } catch {
    return null;
  }
}
