import type { Translate } from '../labels/i18n.ts';

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
