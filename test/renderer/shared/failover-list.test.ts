// Which host a view connects to next (issue 20): the page's own, then the pair's other host.
import { describe, expect, it } from 'vitest';
import { FailoverList } from '../../../src/renderer/shared/host-client.ts';
import { hostRole } from '../console/hosts/host-fixtures.ts';

const role = (self: string, peer: string | null) => hostRole({ self, peer });

describe('the hosts a view fails over to', () => {
  const page = 'ws://10.0.0.1:8316/api/v1/ws?v=2&token=abc&race=men-semi-1';

  it('keeps the page path and token on the peer, and alternates on each lost connection', () => {
    const hosts = new FailoverList(page);
    expect(hosts.size).toBe(1);
    hosts.learn(role('http://10.0.0.1:8316', 'http://10.0.0.2:8316'));
    expect(hosts.size).toBe(2);
    hosts.next();
    expect(hosts.current).toBe('ws://10.0.0.2:8316/api/v1/ws?v=2&token=abc&race=men-semi-1');
    hosts.next();
    expect(hosts.current).toBe(page);
  });

  it('goes to the host that deposed this one, over wss for an https host', () => {
    const hosts = new FailoverList(page);
    expect(hosts.moveTo('https://board-b.local:8443')).toBe(true);
    expect(hosts.current).toBe('wss://board-b.local:8443/api/v1/ws?v=2&token=abc&race=men-semi-1');
    expect(hosts.moveTo('https://board-b.local:8443')).toBe(false);
    expect(hosts.moveTo('not a url')).toBe(false);
  });
});
