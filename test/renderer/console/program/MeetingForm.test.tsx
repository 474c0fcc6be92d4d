// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { ProgramPanel } from '../../../../src/renderer/console/program/ProgramPanel.tsx';
import type { ProgramCommand, ProgramView } from '../../../../src/shared/protocol/program.ts';
import type { Reply } from '../../../../src/shared/protocol/reply.ts';
import { programWith } from '../fixtures.ts';

afterEach(cleanup);

/** The Program tab of a meeting named "World Cup, Calgary", with its own send. */
function setup(program: Partial<ProgramView> = {}, outcome: Reply = { ok: true, revision: 2 }) {
  const send = vi.fn((_command: ProgramCommand) => Promise.resolve(outcome));
  const view = { ...programWith(null), meeting: 'World Cup, Calgary', ...program };
  const { rerender } = render(<ProgramPanel t={translator('en')} program={view} send={send} />);
  const form = within(screen.getByTestId('meeting-form'));
  return { send, form, user: userEvent.setup(), rerender, view };
}

describe('the meeting form in the Program tab (issue 19)', () => {
  it('sends what changed, on Enter, with nothing else filled in', async () => {
    const { send, form, user } = setup();
    expect(form.getByLabelText('Name')).toHaveValue('World Cup, Calgary');
    // Without a venue of its own the name's is printed: the field says so.
    expect(form.getByLabelText('Venue')).toHaveAttribute('placeholder', 'from the name: Calgary');
    await user.type(form.getByLabelText('Venue'), 'Olympic Oval');
    await user.type(form.getByLabelText('Day (YYYY-MM-DD)'), '2026-01-23');
    await user.type(form.getByLabelText('Time zone'), 'America/Edmonton{Enter}');
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      type: 'meeting/configured',
      venue: 'Olympic Oval',
      date: '2026-01-23',
      timeZone: 'America/Edmonton',
    });
    expect(form.getByTestId('meeting-outcome')).toHaveTextContent(
      'Saved: the results sheet, the exports and the feeds print it now',
    );
  });

  it('says why nothing happened when nothing changed', async () => {
    const { send, form, user } = setup({ venue: 'Olympic Oval' });
    await user.click(form.getByLabelText('Venue'));
    await user.keyboard('{Enter}');
    expect(send).not.toHaveBeenCalled();
    expect(form.getByTestId('meeting-outcome')).toHaveTextContent(
      'Nothing to save: no field was changed',
    );
  });

  it('clears a day and a zone by emptying them, and renames', async () => {
    const { send, form, user } = setup({ meetingDate: '2026-01-23', timeZone: 'America/Edmonton' });
    expect(form.getByLabelText('Time zone')).toHaveValue('America/Edmonton');
    await user.clear(form.getByLabelText('Day (YYYY-MM-DD)'));
    await user.clear(form.getByLabelText('Time zone'));
    await user.clear(form.getByLabelText('Name'));
    await user.type(form.getByLabelText('Name'), 'World Cup 5, Calgary{Enter}');
    expect(send).toHaveBeenCalledWith({
      type: 'meeting/configured',
      name: 'World Cup 5, Calgary',
      date: null,
      timeZone: null,
    });
  });

  it('shows the host’s refusal next to the form and keeps what was typed', async () => {
    const error =
      'timeZone: an IANA time zone such as Europe/Rome, Europe/Amsterdam or America/Edmonton';
    const { form, user } = setup({}, { ok: false, status: 400, error });
    await user.type(form.getByLabelText('Time zone'), 'Europe/Milano{Enter}');
    expect(form.getByTestId('meeting-refusal')).toHaveTextContent(error);
    expect(form.getByLabelText('Time zone')).toHaveValue('Europe/Milano');
  });

  it('follows a change another console saved, in the fields not being typed in', async () => {
    const { form, user, rerender, send, view } = setup();
    await user.type(form.getByLabelText('Venue'), 'Oval');
    const changed = { ...view, meetingDate: '2026-01-24', timeZone: 'America/Edmonton' };
    rerender(<ProgramPanel t={translator('en')} program={changed} send={send} />);
    expect(form.getByLabelText('Day (YYYY-MM-DD)')).toHaveValue('2026-01-24');
    expect(form.getByLabelText('Venue')).toHaveValue('Oval');
  });
});
