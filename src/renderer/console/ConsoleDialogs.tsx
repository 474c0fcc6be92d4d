import type { ProgramCommand } from '../../shared/protocol/program.ts';
import { ConfirmDialog } from './Dialog.tsx';
import type { Translate } from './i18n.ts';
import { RehearsalDialog } from './RehearsalDialog.tsx';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import type { Outcome } from './use-host.ts';

/** The dialog that is open, if any. */
export type OpenDialog =
  | { kind: 'help' }
  | { kind: 'rehearsal' }
  | { kind: 'confirm'; title: string; question: string; yes: () => void }
  | null;

/** The console's dialogs: the shortcut sheet, the rehearsal, and confirmations. */
export function ConsoleDialogs({
  t,
  open,
  close,
  program,
}: {
  t: Translate;
  open: OpenDialog;
  close: () => void;
  program: (command: ProgramCommand) => Promise<Outcome>;
}) {
  if (open?.kind === 'help') return <ShortcutSheet t={t} onClose={close} />;
  if (open?.kind === 'rehearsal') return <RehearsalDialog t={t} send={program} onClose={close} />;
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
