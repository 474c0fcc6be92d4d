/**
 * Why the rules refuse a command, as a stable code: the message says it in words, the code lets
 * a view place the refusal (next to the helmet number it names) and word it in its own language.
 */
export type RefusalCode =
  /** The results are official; only reopening them is accepted. */
  | 'official'
  | 'notOfficial'
  /** A void given to the fold as an event (a bug in the caller, not an operator's mistake). */
  | 'notAnEvent'
  | 'formatLocked'
  | 'qualifiersMissing'
  | 'startListLocked'
  | 'startListTwice'
  | 'emptyStartList'
  | 'alreadyStarted'
  | 'notStarted'
  | 'leaderFinished'
  | 'lapsRange'
  | 'noSprint'
  | 'tooMany'
  | 'sprintNotYet'
  | 'finishNotYet'
  | 'unknownBib'
  | 'twice'
  | 'alreadyFinished'
  /** A finish time for a skater who is not in the finish order (issue 19). */
  | 'notFinished'
  | 'dns'
  | 'dnf'
  | 'dq'
  | 'inFinish'
  | 'hasSprintPlacings'
  | 'notSemi'
  | 'alreadyAdvanced'
  | 'noFinishOrder'
  | 'needsStatus'
  | 'semiNotFinished'
  | 'nothingToUndo'
  | 'nothingToRedo'
  | 'noSuchEntry'
  | 'alreadyVoided'
  | 'voidBreaks';

/**
 * What a refusal names, for placing and wording it: `bib` is the skater it is about (a view
 * marks that helmet number); others as the code needs (`sprint`, `count`, `places`, `laps`,
 * `place`, `lapsToGo`, `seq` ...).
 */
export type RefusalParams = Readonly<Record<string, number | string>>;

/** A command the rules refuse; the message is written for the operator. */
export class RaceRuleError extends Error {
  override readonly name = 'RaceRuleError';
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly params: RefusalParams = {},
  ) {
    super(message);
  }
}

/** Refuses with `code` and `message` unless `condition` holds. */
export function check(
  condition: unknown,
  code: RefusalCode,
  message: string,
  params: RefusalParams = {},
): asserts condition {
  if (!condition) throw new RaceRuleError(code, message, params);
}

/**
 * A check of the race's moment rather than of what was entered: started or not, laps to go,
 * official. A pre-check on a state that may be behind the host's leaves these out.
 */
export type MomentCheck = (
  condition: unknown,
  code: RefusalCode,
  message: string,
  params?: RefusalParams,
) => void;

/** The moment check of a pre-check: it checks nothing. */
export const skipMoment: MomentCheck = () => undefined;
