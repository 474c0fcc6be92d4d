// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { RehearsalDialog } from '../../../../src/renderer/console/program/RehearsalDialog.tsx';
import type { Reply } from '../../../../src/shared/protocol/reply.ts';
import { parseProgramCommand } from '../../../../src/shared/protocol/commands.ts';
import type { ProgramCommand } from '../../../../src/shared/protocol/program.ts';

afterEach(cleanup);

describe('the rehearsal dialog', () => {
  it('sends the bundled recorded semi-final at the chosen speed; the command is valid for the host', async () => {
    const send = vi.fn((_command: ProgramCommand) =>
      Promise.resolve<Reply>({ ok: true, revision: 1 }),
    );
    const user = userEvent.setup();
    render(<RehearsalDialog t={translator('en')} send={send} onClose={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Start rehearsal' })).toHaveFocus();
    await user.selectOptions(screen.getByLabelText(/Speed/), '20');
    await user.click(screen.getByRole('button', { name: 'Start rehearsal' }));
    const command = send.mock.calls[0]![0] as Extract<
      ProgramCommand,
      { type: 'rehearsal/started' }
    >;
    expect(command).toMatchObject({ type: 'rehearsal/started', speed: 20, onBoards: true });
    expect(command.recording).toHaveLength(36);
    expect(parseProgramCommand(command)).toMatchObject({ type: 'rehearsal/started', speed: 20 });
    expect(screen.getByText('Rehearsal running at 20×')).toBeInTheDocument();
  });

  it('shows the host’s refusal and closes on Escape', async () => {
    const send = vi.fn((_command: ProgramCommand) =>
      Promise.resolve<Reply>({ ok: false, status: 404, error: 'no rehearsal is running' }),
    );
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(<RehearsalDialog t={translator('en')} send={send} onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Stop rehearsal' }));
    expect(screen.getByTestId('rehearsal-refusal')).toHaveTextContent('no rehearsal is running');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});
