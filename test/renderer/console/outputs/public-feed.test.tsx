// @vitest-environment happy-dom
// Issue 13: the public live page is switched on and off per meeting from the Outputs panel.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleApp } from '../../../../src/renderer/console/ConsoleApp.tsx';
import { FakeClient, laps, programWith, semi } from '../fixtures.ts';

afterEach(cleanup);

describe('the public feed switch', () => {
  it('sends public/configured, and links the page when on', async () => {
    const client = new FakeClient();
    const user = userEvent.setup();
    render(<ConsoleApp client={client} />);
    const race = semi(laps(2));
    act(() => {
      client.connection('open');
      client.push(race, { ...programWith(race), revision: 9 });
    });
    await screen.findByTestId('laps-to-go');
    const button = await screen.findByTestId('public-feed');
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByRole('link', { name: '/public/' })).toBeNull();
    await user.click(button);
    expect(client.sent.at(-1)).toMatchObject({
      type: 'program',
      command: { type: 'public/configured', enabled: true },
    });
    act(() => client.push(race, { ...programWith(race), revision: 10, publicFeed: true }));
    expect(screen.getByTestId('public-feed')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: '/public/' })).toHaveAttribute('href', '/public/');
  });
});
