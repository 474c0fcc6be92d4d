// @vitest-environment happy-dom
// Issue 20, two laptops: every console says which host it is on (STANDBY, or the primary with its
// standby in step or behind), a deposed host can rejoin, and the Hosts panel runs this host as a
// standby or takes over, asked once and, while the primary is still heard, twice.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleApp } from '../../../../src/renderer/console/ConsoleApp.tsx';
import type { ConsolePanel } from '../../../../src/shared/protocol/ipc.ts';
import type { ClientMessage } from '../../../../src/shared/protocol/messages.ts';
import { FakeClient, semi } from '../fixtures.ts';
import { hostRole, standbyRole } from './host-fixtures.ts';

let client: FakeClient;
let now: number;
const clock = () => now;
beforeEach(() => {
  localStorage.clear();
  client = new FakeClient();
  now = 1_000_000;
});
afterEach(cleanup);

async function open(panelRequests?: (listener: (panel: ConsolePanel) => void) => () => void) {
  const user = userEvent.setup();
  render(<ConsoleApp client={client} clock={clock} panelRequests={panelRequests} />);
  act(() => {
    client.connection('open');
    client.push(semi());
  });
  await screen.findByTestId('laps-to-go');
  return user;
}

/** The host requests the console sent (issue 20's `{type:'host'}` messages). */
const hostRequests = () =>
  client.sent
    .filter((message) => message.type === 'host')
    .map(({ id: _id, ...message }: ClientMessage & { id?: unknown }) => message);

const standbyRefusal = {
  type: 'error',
  status: 409,
  error: 'this host is the standby of http://192.168.1.10:8316: send commands to the primary',
};

describe('the role in every console', () => {
  it('the badge and the warning strips follow the pushed role', async () => {
    await open();
    // A host alone (or one that says nothing) shows nothing new.
    expect(screen.queryByTestId('host-role')).toBeNull();
    act(() => client.pushHost(hostRole()));
    expect(screen.queryByTestId('host-role')).toBeNull();

    act(() => client.pushHost(hostRole({ epoch: 2, peer: 'http://192.168.1.21:8316' })));
    expect(screen.getByTestId('host-role')).toHaveTextContent(
      'PRIMARY · epoch 2 · standby in step',
    );
    expect(screen.queryByTestId('standby-behind')).toBeNull();

    act(() =>
      client.pushHost(
        hostRole({ epoch: 2, peer: 'http://192.168.1.21:8316', behind: 4, standbyBehind: true }),
      ),
    );
    expect(screen.getByTestId('standby-behind')).toHaveTextContent(
      'STANDBY BEHIND — the standby did not confirm within 300 ms; the race goes on here alone',
    );
    expect(screen.getByTestId('host-role')).not.toHaveTextContent('STANDBY of');

    act(() => client.pushHost(hostRole({ epoch: 2, peer: 'http://192.168.1.21:8316' })));
    expect(screen.queryByTestId('standby-behind')).toBeNull();

    act(() => client.pushHost(standbyRole()));
    expect(screen.getByTestId('host-role')).toHaveTextContent(
      'STANDBY of http://192.168.1.10:8316',
    );
    expect(screen.getByTestId('host-role')).toHaveAttribute('data-role', 'standby');
    expect(screen.queryByTestId('deposed')).toBeNull();
  });

  it('a deposed host says so, by whom and at which epoch; Rejoin sends rejoin', async () => {
    const user = await open();
    act(() =>
      client.pushHost(
        standbyRole({
          epoch: 3,
          peer: null,
          deposed: { epoch: 3, by: 'http://192.168.1.21:8316' },
        }),
      ),
    );
    expect(screen.getByTestId('deposed')).toHaveTextContent(
      'DEPOSED at epoch 3 by http://192.168.1.21:8316: this host is now a standby',
    );
    client.reply = () => ({
      type: 'error',
      status: 502,
      error: 'http://192.168.1.21:8316 did not answer',
    });
    await user.click(
      within(screen.getByTestId('deposed')).getByRole('button', { name: 'Rejoin as standby' }),
    );
    expect(hostRequests()).toEqual([{ type: 'host', action: 'rejoin' }]);
    expect(await screen.findByTestId('rejoin-refusal')).toHaveTextContent(
      'http://192.168.1.21:8316 did not answer',
    );
    client.reply = () => ({ type: 'ack', ok: true, revision: 9 });
    await user.click(screen.getByTestId('rejoin'));
    expect(hostRequests()).toHaveLength(2);
    await waitFor(() => expect(screen.queryByTestId('rejoin-refusal')).toBeNull());
  });

  it("on a standby race keys are sent and the host's refusal is shown in its words", async () => {
    const user = await open();
    act(() => client.pushHost(standbyRole()));
    client.reply = () => standbyRefusal;
    await user.keyboard(' ');
    expect(client.commands()).toEqual([{ type: 'lap' }]);
    expect(await screen.findByTestId('last-error')).toHaveTextContent(standbyRefusal.error);
    expect(screen.getByRole('main')).toHaveTextContent(standbyRefusal.error);
  });
});

describe('the Hosts panel', () => {
  it('H shows it: role, epoch, peer, lines behind, last heard (ticking), hash, position, diverged', async () => {
    const user = await open();
    act(() =>
      client.pushHost(
        standbyRole({
          epoch: 2,
          behind: 3,
          lastHeardMs: 300,
          diverged: ['men-semi-1.2026-02-14T10-41-07Z.jsonl'],
        }),
      ),
    );
    await user.keyboard('h');
    expect(screen.getByRole('heading', { name: 'Hosts: primary and standby' })).toHaveFocus();
    const value = (id: string) => screen.getByTestId(`host-d-${id}`);
    expect(value('role')).toHaveTextContent('standby');
    expect(value('epoch')).toHaveTextContent('2');
    expect(value('self')).toHaveTextContent('http://192.168.1.20:8316');
    expect(value('peer')).toHaveTextContent('http://192.168.1.10:8316');
    expect(screen.getByText('The primary')).toBeInTheDocument();
    expect(value('behind')).toHaveTextContent('3 lines');
    expect(value('last-heard')).toHaveTextContent('0.3 s ago');
    expect(value('state-hash')).toHaveTextContent(/^9f86d081884c$/);
    expect(value('position')).toHaveTextContent(
      'program revision 7 · men-semi-1: 42 lines · women-semi-1: 38 lines',
    );
    expect(screen.getByTestId('host-diverged')).toHaveTextContent(
      'men-semi-1.2026-02-14T10-41-07Z.jsonl',
    );
    now += 2000;
    await waitFor(() => expect(value('last-heard')).toHaveTextContent('2.3 s ago'), {
      timeout: 2000,
    });
  });

  it('Run as standby: a bad address sends nothing and says why; a good one sends follow', async () => {
    const user = await open();
    act(() => client.pushHost(hostRole()));
    await user.keyboard('h');
    const address = screen.getByTestId('follow-address');
    await user.type(address, '192.168.1.10:8316');
    await user.type(screen.getByTestId('follow-token'), 'c0ntrol-token');
    await user.click(screen.getByTestId('follow-submit'));
    expect(screen.getByTestId('follow-problem')).toHaveTextContent(
      'the address starts with http:// (http://HOST:PORT)',
    );
    await user.clear(address);
    await user.type(address, 'http://192.168.1.10');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('follow-problem')).toHaveTextContent(
      'the address needs the primary’s port',
    );
    expect(hostRequests()).toEqual([]);

    await user.clear(address);
    await user.type(address, 'http://192.168.1.10:8316/');
    client.reply = () => ({
      type: 'error',
      status: 409,
      error: 'this host holds races of another meeting (Dutch Cup 3): clear it before it follows',
    });
    await user.click(screen.getByTestId('follow-submit'));
    expect(hostRequests()).toEqual([
      {
        type: 'host',
        action: 'follow',
        primary: 'http://192.168.1.10:8316',
        token: 'c0ntrol-token',
      },
    ]);
    expect(screen.queryByTestId('follow-problem')).toBeNull();
    expect(await screen.findByTestId('follow-refusal')).toHaveTextContent(
      'this host holds races of another meeting (Dutch Cup 3): clear it before it follows',
    );
    client.reply = () => ({ type: 'ack', ok: true, revision: 2 });
    await user.click(screen.getByTestId('follow-submit'));
    expect(await screen.findByTestId('follow-done')).toHaveTextContent(
      'Following http://192.168.1.10:8316.',
    );
    expect(screen.queryByTestId('follow-refusal')).toBeNull();
    expect(screen.getByTestId('follow-token')).toHaveValue('');
  });

  it('takeover asks first, sends takeover; a 409 (primary heard) asks again and sends force', async () => {
    const user = await open();
    act(() => client.pushHost(standbyRole()));
    client.reply = () => ({
      type: 'error',
      status: 409,
      error:
        'the primary was heard 0.3 s ago: take over with force to make this host the primary anyway',
    });
    await user.keyboard('{Shift>}H{/Shift}');
    const ask = screen.getByTestId('takeover-dialog');
    expect(ask).toHaveTextContent('Make this host the primary?');
    expect(hostRequests()).toEqual([]);
    // Enter on the focused "Take over".
    expect(within(ask).getByRole('button', { name: 'Take over' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(hostRequests()).toEqual([{ type: 'host', action: 'takeover' }]);

    const force = await screen.findByTestId('takeover-force');
    expect(screen.getByTestId('takeover-heard')).toHaveTextContent(
      'the primary was heard 0.3 s ago: take over with force to make this host the primary anyway',
    );
    // The second question starts on Cancel: a doubled Enter never forces.
    expect(within(force).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    client.reply = () => ({ type: 'ack', ok: true, revision: 5 });
    await user.click(within(force).getByRole('button', { name: 'Take over anyway (force)' }));
    expect(hostRequests()).toEqual([
      { type: 'host', action: 'takeover' },
      { type: 'host', action: 'takeover', force: true },
    ]);
    await waitFor(() => expect(screen.queryByTestId('takeover-force')).toBeNull());
  });

  it('takeover can be cancelled at each step; without a 409 it is done in one', async () => {
    const user = await open();
    act(() => client.pushHost(standbyRole({ canTakeOver: true, lastHeardMs: 2100 })));
    await user.keyboard('h');
    expect(screen.getByTestId('take-over').parentElement).toHaveTextContent(
      'The primary has been silent for 1.5 s or more',
    );
    await user.click(screen.getByTestId('take-over'));
    await user.click(
      within(screen.getByTestId('takeover-dialog')).getByRole('button', { name: 'Cancel' }),
    );
    expect(screen.queryByTestId('takeover-dialog')).toBeNull();
    expect(hostRequests()).toEqual([]);
    await user.keyboard('{Shift>}H{/Shift}{Enter}');
    expect(hostRequests()).toEqual([{ type: 'host', action: 'takeover' }]);
    await waitFor(() => expect(screen.queryByTestId('takeover-dialog')).toBeNull());
    expect(screen.queryByTestId('takeover-force')).toBeNull();
  });

  it('Shift+H on a primary asks nothing: it shows the Hosts panel', async () => {
    const user = await open();
    act(() => client.pushHost(hostRole()));
    await user.keyboard('{Shift>}H{/Shift}');
    expect(screen.queryByTestId('takeover-dialog')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Hosts: primary and standby' })).toHaveFocus();
    expect(screen.queryByTestId('take-over')).toBeNull();
    expect(hostRequests()).toEqual([]);
  });

  it("the Electron menu's Run as standby of… shows the panel with the address to type", async () => {
    let request: ((panel: ConsolePanel) => void) | null = null;
    await open((listener) => {
      request = listener;
      return () => (request = null);
    });
    act(() => request!('hosts'));
    expect(screen.getByTestId('follow-address')).toHaveFocus();
    cleanup();
    expect(request).toBeNull();
  });

  it('H and Shift+H are on the shortcut sheet; typed in a text field they are text', async () => {
    const user = await open();
    await user.keyboard('?');
    const sheet = screen.getByTestId('shortcut-sheet');
    expect(sheet).toHaveTextContent('Hosts: primary and standby');
    expect(sheet).toHaveTextContent('Take over as primary (on a standby; asks first)');
    await user.keyboard('{Escape}h');
    await user.type(screen.getByTestId('follow-token'), 'hH');
    expect(screen.getByTestId('follow-token')).toHaveValue('hH');
    expect(screen.queryByTestId('takeover-dialog')).toBeNull();
  });
});
