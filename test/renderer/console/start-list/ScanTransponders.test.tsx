// @vitest-environment happy-dom
// Issue 12: "the console's start list lets the operator enter or scan" each skater's
// transponder: a scan mode walks the start list, one field focused; a USB scanner types the
// code and Enter; a transponder another skater wears is refused, naming that skater.
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { StartListPanel } from '../../../../src/renderer/console/start-list/StartListPanel.tsx';
import type { RaceRequestInput } from '../../../../src/renderer/console/host/use-host.ts';
import type { Reply } from '../../../../src/shared/protocol/reply.ts';
import type { RaceView } from '../../../../src/shared/race/view.ts';
import { semi } from '../fixtures.ts';

afterEach(cleanup);

function setup(
  race: RaceView,
  reply: (request: RaceRequestInput) => Reply = () => ({ ok: true, revision: 1 }),
) {
  const send = vi.fn((request: RaceRequestInput) => Promise.resolve(reply(request)));
  render(<StartListPanel t={translator('en')} race={race} send={send} />);
  return { send, user: userEvent.setup() };
}

const field = () => screen.getByTestId<HTMLInputElement>('scan-input');
const edited = (bib: number, transponder: string) => ({
  commands: [{ type: 'skater/edited', bib, transponder }],
});

describe('scanning transponders', () => {
  it('walks the start list in order: each scan and Enter saves it and moves on', async () => {
    const { send, user } = setup(semi());
    await user.click(screen.getByTestId('scan-start'));
    expect(screen.getByTestId('scan')).toHaveTextContent('Scan transponders (1 of 12)');
    expect(field()).toHaveFocus();
    expect(field()).toHaveAccessibleName('Transponder of 1 Antoine Gélinas-Beaulieu');
    // A USB scanner types fast and ends with Enter.
    await user.keyboard('1000101{Enter}');
    expect(send).toHaveBeenLastCalledWith(edited(1, '1000101'));
    expect(screen.getByTestId('scan')).toHaveTextContent('(2 of 12)');
    expect(field()).toHaveAccessibleName('Transponder of 2 Shomu Sasaki');
    expect(field()).toHaveValue('');
    expect(field()).toHaveFocus();
    // Enter on an empty field skips the skater.
    await user.keyboard('{Enter}');
    expect(field()).toHaveAccessibleName('Transponder of 3 Chung Jae-won');
    await user.keyboard(' 1000103 {Enter}');
    expect(send).toHaveBeenLastCalledWith(edited(3, '1000103'));
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('refuses a transponder another skater wears, naming the skater, and stays', async () => {
    const race = semi([{ type: 'skater/edited', bib: 5, transponder: '777' }]);
    const { send, user } = setup(race);
    await user.click(screen.getByTestId('scan-start'));
    await user.keyboard('777{Enter}');
    expect(screen.getByTestId('scan-refusal')).toHaveTextContent(
      'transponder 777 is already worn by 5 Mathieu Belloir',
    );
    expect(send).not.toHaveBeenCalled();
    expect(field()).toHaveAccessibleName('Transponder of 1 Antoine Gélinas-Beaulieu');
    // Also one saved a moment ago in this walk, before the host's new start list came back.
    await user.keyboard('{Backspace}{Backspace}{Backspace}A-1{Enter}');
    expect(send).toHaveBeenLastCalledWith(edited(1, 'A-1'));
    await user.keyboard('a-1{Enter}');
    expect(screen.getByTestId('scan-refusal')).toHaveTextContent(
      'transponder a-1 is already worn by 1 Antoine Gélinas-Beaulieu',
    );
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('shows the host’s refusal and stays on the skater', async () => {
    const { user } = setup(semi(), () => ({
      ok: false,
      status: 400,
      error: 'the results are official',
    }));
    await user.click(screen.getByTestId('scan-start'));
    await user.keyboard('123{Enter}');
    expect(await screen.findByTestId('scan-refusal')).toHaveTextContent(
      'Refused: the results are official',
    );
    expect(field()).toHaveAccessibleName('Transponder of 1 Antoine Gélinas-Beaulieu');
  });

  it('Esc leaves the mode; past the last skater it ends by itself', async () => {
    const { send, user } = setup(semi());
    await user.click(screen.getByTestId('scan-start'));
    await user.keyboard('55{Escape}');
    expect(screen.queryByTestId('scan')).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByTestId('scan-start')).toHaveFocus();
    await user.click(screen.getByTestId('scan-start'));
    for (let bib = 1; bib <= 12; bib++) await user.keyboard(`${9000 + bib}{Enter}`);
    expect(send).toHaveBeenCalledTimes(12);
    expect(send).toHaveBeenLastCalledWith(edited(12, '9012'));
    expect(screen.queryByTestId('scan')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Scan finished: 12 transponders saved.');
  });
});
