/** What a form says after Enter: why nothing happened (a field, in words) or what it did. */
export type FormOutcome =
  | { readonly kind: 'problem'; readonly text: string }
  | { readonly kind: 'done'; readonly text: string }
  | null;

/**
 * The line under a Program form: a problem the console found before sending (naming the field,
 * which the form focuses), or what the host did. Host refusals stay in `Refusal`.
 */
export function FormNote({
  outcome,
  id,
  testId,
}: {
  outcome: FormOutcome;
  id: string;
  testId: string;
}) {
  if (!outcome) return null;
  return outcome.kind === 'problem' ? (
    <p className="form-problem" role="alert" id={id} data-testid={testId}>
      {outcome.text}
    </p>
  ) : (
    <p className="form-done" role="status" id={id} data-testid={testId}>
      {outcome.text}
    </p>
  );
}
