// DATA/peer.json: the other host of a pair (issue 20). A primary keeps its standby's address
// there, so after a restart on its folder it asks that host whether it took over before it
// accepts anything (the fence), without a third machine.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../host/atomic-file.ts';

const peerPath = (dataDir: string): string => join(dataDir, 'peer.json');

/** Keeps the peer's address and this host's role beside it. */
export async function savePeer(
  dataDir: string,
  peer: string,
  role: 'primary' | 'standby',
): Promise<void> {
  await writeFileAtomic(peerPath(dataDir), `${JSON.stringify({ peer, role }, null, 2)}\n`);
}

/** The peer and role kept before, or null (none, or a file this cannot read). */
export async function loadPeer(
  dataDir: string,
): Promise<{ peer: string; role: 'primary' | 'standby' } | null> {
  try {
    const { peer, role } = JSON.parse(await readFile(peerPath(dataDir), 'utf8')) as {
      peer?: unknown;
      role?: unknown;
    };
    if (typeof peer !== 'string' || !/^https?:\/\/[^/\s]+$/.test(peer)) return null;
    return { peer, role: role === 'standby' ? 'standby' : 'primary' };
  } catch {
    return null;
  }
}
