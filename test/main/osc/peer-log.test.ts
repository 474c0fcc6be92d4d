import { describe, expect, it } from 'vitest';
import { maxPeersFollowed, PeerLog } from '../../../src/main/osc/peer-log.ts';

function peerLog() {
  const lines: string[] = [];
  let clock = 0;
  const log = new PeerLog(
    'dropped',
    (line) => lines.push(line),
    () => clock,
  );
  return {
    log,
    lines,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('a log line per peer address at most once a minute', () => {
  it('logs the first datagram at once, then counts the rest until the minute is over', () => {
    const { log, lines, advance } = peerLog();
    for (let i = 0; i < 300; i++) log.note('10.0.0.9', 5000 + i, 'not in allowFrom (127.0.0.1)');
    log.note('10.0.0.7', 4000, 'not in allowFrom (127.0.0.1)');
    expect(lines).toEqual([
      'dropped a datagram from 10.0.0.9:5000: not in allowFrom (127.0.0.1) (more from 10.0.0.9 are counted, one line a minute)',
      'dropped a datagram from 10.0.0.7:4000: not in allowFrom (127.0.0.1) (more from 10.0.0.7 are counted, one line a minute)',
    ]);
    advance(59_999);
    log.note('10.0.0.9', 6000, 'the latest reason');
    log.flush();
    expect(lines).toHaveLength(2);
    advance(1);
    log.note('10.0.0.9', 6001, 'the latest reason');
    expect(lines[2]).toBe(
      'dropped 301 datagrams from 10.0.0.9 in the last 60 s; the latest: the latest reason',
    );
    // A quiet address is forgotten at the next flush; its next datagram is a first line again.
    advance(60_000);
    log.flush();
    log.note('10.0.0.7', 4001, 'again');
    expect(lines[3]).toMatch(/^dropped a datagram from 10\.0\.0\.7:4001: again /);
  });

  it('flushes the counts of a flood that stopped, and what is left at close', () => {
    const { log, lines, advance } = peerLog();
    log.note('10.0.0.9', 1, 'why');
    log.note('10.0.0.9', 1, 'why');
    log.note('10.0.0.9', 1, 'why');
    advance(90_000);
    log.flush();
    expect(lines[1]).toBe('dropped 2 datagrams from 10.0.0.9 in the last 90 s; the latest: why');
    log.note('10.0.0.9', 1, 'last');
    log.close();
    expect(lines.slice(2)).toEqual([
      'dropped 1 datagram from 10.0.0.9 in the last 0 s; the latest: last',
    ]);
  });

  it(`follows at most ${maxPeersFollowed} addresses one by one and counts the others together`, () => {
    const { log, lines } = peerLog();
    for (let i = 0; i < maxPeersFollowed + 500; i++) log.note(`10.1.${i >> 8}.${i & 255}`, 1, 'x');
    expect(lines).toHaveLength(maxPeersFollowed + 1);
    expect(lines.at(-1)).toBe(
      `dropped a datagram from 10.1.4.0:1 (one of many addresses): x (more from them are counted, one line a minute)`,
    );
    log.close();
    expect(lines.at(-1)).toBe(
      'dropped 499 datagrams from other addresses in the last 0 s; the latest: x',
    );
  });
});
