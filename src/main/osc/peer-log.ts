/** What a PeerLog knows of one address: when it last logged a line, and what came since. */
interface PeerLine {
  loggedAt: number;
  /** Datagrams since that line, not yet logged. */
  count: number;
  /** The reason of the latest of them. */
  latest: string;
}

/** Addresses followed one by one; datagrams from further addresses are counted together. */
export const maxPeersFollowed = 1024;
const otherPeers = 'other addresses';

/**
 * A log line about a peer address at most once a minute (issue 17): the first datagram is
 * logged at once, with its reason; later ones from the same address are counted and logged as
 * one line with the count when the minute is over (at the next datagram, at `flush`, or at
 * `close`), so a flood costs a line a minute, not a line a datagram.
 */
export class PeerLog {
  private readonly peers = new Map<string, PeerLine>();

  constructor(
    /** `dropped` or `refused`: the verb of every line. */
    private readonly verb: string,
    private readonly log: (line: string) => void,
    private readonly now: () => number,
    private readonly intervalMs = 60_000,
  ) {}

  /** Notes one datagram from `address` (port: the sender's, for the first line) and why. */
  note(address: string, port: number, reason: string): void {
    const at = this.now();
    const key =
      this.peers.has(address) || this.peers.size < maxPeersFollowed ? address : otherPeers;
    const peer = this.peers.get(key);
    if (peer && at - peer.loggedAt < this.intervalMs) {
      peer.count += 1;
      peer.latest = reason;
      return;
    }
    if (peer && peer.count > 0) {
      peer.count += 1;
      peer.latest = reason;
      this.summarize(key, peer, at);
      return;
    }
    this.peers.set(key, { loggedAt: at, count: 0, latest: reason });
    const from =
      key === otherPeers ? `${address}:${port} (one of many addresses)` : `${address}:${port}`;
    this.log(
      `${this.verb} a datagram from ${from}: ${reason} (more from ${key === otherPeers ? 'them' : address} are counted, one line a minute)`,
    );
  }

  /** Logs the counts of addresses whose minute is over, and forgets the quiet ones. */
  flush(): void {
    const at = this.now();
    for (const [key, peer] of this.peers) {
      if (at - peer.loggedAt < this.intervalMs) continue;
      if (peer.count > 0) this.summarize(key, peer, at);
      else this.peers.delete(key);
    }
  }

  /** Logs every count still pending (the server is closing). */
  close(): void {
    const at = this.now();
    for (const [key, peer] of this.peers) if (peer.count > 0) this.summarize(key, peer, at);
    this.peers.clear();
  }

  private summarize(key: string, peer: PeerLine, at: number): void {
    const seconds = Math.round((at - peer.loggedAt) / 1000);
    this.log(
      `${this.verb} ${peer.count} datagram${peer.count === 1 ? '' : 's'} from ${key} in the last ${seconds} s; the latest: ${peer.latest}`,
    );
    peer.loggedAt = at;
    peer.count = 0;
  }
}
