import type { ProgramCommand } from '../../shared/protocol/program.ts';
import type { Translate } from './i18n.ts';
import type { Outcome } from './use-host.ts';

/** Sends a program command and answers with the outcome. */
export type SendProgram = (command: ProgramCommand) => Promise<Outcome>;

/** A refusal from the host, shown next to the control that caused it. */
export function Refusal({
  t,
  error,
  testId,
}: {
  t: Translate;
  error: string | null;
  testId?: string;
}) {
  if (!error) return null;
  return (
    <p className="refusal" role="alert" data-testid={testId}>
      <strong>{t('refused')}:</strong> {error}
    </p>
  );
}
