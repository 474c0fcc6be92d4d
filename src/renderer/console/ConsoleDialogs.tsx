import { ConfirmDialog } from './ui/Dialog.tsx';
import type { Translate } from './labels/i18n.ts';
import { RehearsalDialog } from './program/RehearsalDialog.tsx';
import { ShortcutSheet } from './keyboard/ShortcutSheet.tsx';
import type { SendProgram } from './host/use-host.ts';
import type { Reply } from '../../shared/protocol/reply.ts';
import { TakeOverDialog } from './hosts/TakeOverDialog.tsx';

/** The dialog that is open, if any. */
export type OpenDialog =
  | { kind: 'help' }
  | { kind: 'rehearsal' }
  | { kind: 'takeOver' }
  | { kind: 'confirm'; title: string; question: string; yes: () => void }
  | null;

/** The console's dialogs: the shortcut sheet, the rehearsal, taking over, and confirmations. */
export function ConsoleDialogs({
  t,
  open,
  close,
  program,
  takeOver,
}: {
  t: Translate;
  open: OpenDialog;
  close: () => void;
  program: SendProgram;
  /** Take over as primary (issue 20), `force` after the second question. */
  takeOver: (force: boolean) => Promise<Reply>;
}) {
  if (open?.kind === 'help') return <ShortcutSheet t={t} onClose={close} />;
  if (open?.kind === 'rehearsal') return <RehearsalDialog t={t} send={program} onClose={close} />;
  if (open?.kind === 'takeOver')
    return <TakeOverDialog t={t} takeOver={takeOver} onClose={close} />;
  if (open?.kind !== 'confirm') return null;
  return (
    <ConfirmDialog
      title={open.title}
      question={open.question}
      yes={t('yes')}
      cancel={t('cancel')}
      onYes={() => {
        close();
        open.yes();
      }}
      onCancel={close}
    />
  );
}
