import { describe, expect, it } from 'vitest';
import {
  checkPrimaryAddress,
  checkToken,
  heardAgoMs,
  roleBadge,
  secondsText,
  shortHash,
} from '../../../../src/renderer/console/hosts/host-role-text.ts';
import { translate } from '../../../../src/renderer/console/labels/i18n.ts';
import { hostRole, standbyRole } from './host-fixtures.ts';

/** What the operator reads for a check's problem (English). */
const problemOf = (text: string, self: string | null = null) => {
  const checked = checkPrimaryAddress(text, self);
  return checked.ok ? null : translate('en', checked.problem.key, checked.problem.params);
};

describe("the primary's address (Run as standby of …)", () => {
  it.each([
    ['http://192.168.1.10:8316', 'http://192.168.1.10:8316'],
    ['  http://192.168.1.10:8316/  ', 'http://192.168.1.10:8316'],
    ['HTTP://Scoreboard-Main.local:8316', 'http://scoreboard-main.local:8316'],
    ['https://10.0.0.2:443', 'https://10.0.0.2:443'],
    ['http://[::1]:8316', 'http://[::1]:8316'],
  ])('takes %j as %j', (typed, address) => {
    expect(checkPrimaryAddress(typed)).toEqual({ ok: true, value: address });
  });

  it.each([
    ['', 'type the primary’s address, e.g. http://192.168.1.20:8316'],
    ['192.168.1.10:8316', 'the address starts with http:// (http://HOST:PORT)'],
    ['ws://192.168.1.10:8316', 'the address starts with http:// (http://HOST:PORT)'],
    ['http://192.168.1.10:8316/console/', 'only the host and its port, no path: http://HOST:PORT'],
    ['http://192.168.1.10:8316?token=x', 'only the host and its port, no path: http://HOST:PORT'],
    ['http://admin@192.168.1.10:8316', 'only the host and its port, no path: http://HOST:PORT'],
    ['http://', 'only the host and its port, no path: http://HOST:PORT'],
    ['http://192.168.1.10', 'the address needs the primary’s port: http://HOST:PORT'],
    ['http://192.168.1.10:', 'the address needs the primary’s port: http://HOST:PORT'],
    ['http://192.168.1.10:99999', 'port 99999 is not a port (1 to 65535)'],
    ['http://192.168.1.10:0', 'port 0 is not a port (1 to 65535)'],
    ['http://192.168.1.10:http', 'port http is not a port (1 to 65535)'],
    ['http://score_board:8316', '“score_board” is not a host name or IP address'],
    ['http://-main:8316', '“-main” is not a host name or IP address'],
  ])('refuses %j: %s', (typed, problem) => {
    expect(problemOf(typed)).toBe(problem);
  });

  it("refuses this host's own address", () => {
    expect(problemOf('http://192.168.1.10:8316', 'http://192.168.1.10:8316/')).toBe(
      'that is this host’s own address',
    );
    expect(problemOf('http://192.168.1.11:8316', 'http://192.168.1.10:8316')).toBeNull();
  });

  it('wants a control token of at most 200 characters', () => {
    expect(checkToken('  c0ntrol  ')).toEqual({ ok: true, value: 'c0ntrol' });
    expect(checkToken(' ')).toMatchObject({ ok: false, problem: { key: 'hosts.token.empty' } });
    expect(checkToken('x'.repeat(201))).toMatchObject({
      ok: false,
      problem: { key: 'hosts.token.long' },
    });
  });
});

describe('the role badge', () => {
  const text = (badge: ReturnType<typeof roleBadge>) =>
    badge && [translate('en', badge.words.key, badge.words.params), badge.tone];

  it('says STANDBY only on a standby, discreetly the primary with a standby, nothing alone', () => {
    expect(roleBadge(null)).toBeNull();
    expect(roleBadge(hostRole())).toBeNull();
    expect(text(roleBadge(hostRole({ epoch: 2, peer: 'http://192.168.1.20:8316' })))).toEqual([
      'PRIMARY · epoch 2 · standby in step',
      'quiet',
    ]);
    expect(
      text(roleBadge(hostRole({ peer: 'http://192.168.1.20:8316', standbyBehind: true }))),
    ).toEqual(['PRIMARY · epoch 1 · standby behind', 'warn']);
    expect(text(roleBadge(standbyRole()))).toEqual([
      'STANDBY of http://192.168.1.10:8316',
      'standby',
    ]);
    expect(text(roleBadge(standbyRole({ peer: null })))).toEqual(['STANDBY', 'standby']);
  });
});

describe('figures of the Hosts panel', () => {
  it('last heard grows with the time since the push', () => {
    const view = standbyRole({ lastHeardMs: 300 });
    expect(heardAgoMs(view, 10_000, 10_000)).toBe(300);
    expect(heardAgoMs(view, 10_000, 12_500)).toBe(2800);
    expect(heardAgoMs(view, 10_000, 9_000)).toBe(300);
    expect(heardAgoMs(standbyRole({ lastHeardMs: null }), 0, 5000)).toBeNull();
  });

  it('seconds in tenths under 10 s; the hash short', () => {
    expect(secondsText(300)).toBe('0.3');
    expect(secondsText(2800)).toBe('2.8');
    expect(secondsText(12_900)).toBe('12');
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });
});
