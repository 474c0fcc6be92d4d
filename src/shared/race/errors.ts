/** A command the rules refuse; the message is written for the operator. */
export class RaceRuleError extends Error {
  override readonly name = 'RaceRuleError';
}

/** Refuses with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new RaceRuleError(message);
}
