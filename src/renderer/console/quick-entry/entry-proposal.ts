/**
 * The timing proposal in the entry line (issue 12). The line offers the oldest open proposal;
 * Enter on the empty line accepts it, but only once it has been on screen for 600 ms with
 * nothing sent from the line meanwhile: a double Enter after a typed command, or a proposal
 * that appears just as Enter is pressed, accepts nothing. Tab copies it into the line as text
 * to correct; Enter then accepts it with the corrected numbers while the typed mode still
 * matches it (else the line sends its own command, which closes the proposal in the host).
 */
import { useLayoutEffect, useRef } from 'react';
import type { Reply } from '../../../shared/protocol/reply.ts';
import type { TimingProposal } from '../../../shared/timing/view.ts';
import { proposalGuardMs } from '../timing/timing-text.ts';
import type { Clock } from '../timing/use-timing.ts';
import type { QuickEntryMode } from './parse.ts';

/** What the entry line needs of the timing feed. */
export interface EntryTiming {
  /** The open proposals of the race on screen, the one to offer first. */
  readonly proposals: readonly TimingProposal[];
  /** Accepts (with a corrected order) or dismisses a proposal; the host's Reply. */
  readonly act: (
    action: 'accept' | 'dismiss',
    proposal: string,
    bibs?: readonly number[],
  ) => Promise<Reply>;
  /** The console's clock, ms. */
  readonly clock: Clock;
}

/** What Tab copied into the line: the proposal the text corrects, by what it places. */
export type ProposalLink =
  { readonly kind: 'sprint'; readonly sprint: number } | { readonly kind: 'finish' };

/** The link a copied proposal leaves; null for proposals without numbers (a lap, a laps count). */
export function linkOf(proposal: TimingProposal): ProposalLink | null {
  if (proposal.kind === 'sprint') return { kind: 'sprint', sprint: proposal.sprint };
  if (proposal.kind === 'finish') return { kind: 'finish' };
  return null;
}

/**
 * The open proposal the line's text corrects: linked by Tab, the typed mode still the same
 * (the same sprint; the finish order added to), and still open (its id may have changed as
 * more skaters crossed the line).
 */
export function linkedProposal(
  link: ProposalLink | null,
  mode: QuickEntryMode,
  proposals: readonly TimingProposal[],
): TimingProposal | null {
  if (!link) return null;
  if (link.kind === 'sprint') {
    if (mode.kind !== 'sprint' || mode.sprint !== link.sprint) return null;
    return proposals.find((open) => open.kind === 'sprint' && open.sprint === link.sprint) ?? null;
  }
  if (mode.kind !== 'finish') return null;
  return proposals.find((open) => open.kind === 'finish') ?? null;
}

/** The 600 ms guard of the proposal on screen. */
export interface ProposalGuard {
  /** The proposal has been on screen 600 ms, and the line sent nothing in that time. */
  readonly ready: () => boolean;
  /** The line sent something: the proposal waits 600 ms again. */
  readonly hold: () => void;
}

/** The guard restarts when the proposal on screen is another one (a new id), not when it grows. */
export function useProposalGuard(shownId: string | null, clock: Clock): ProposalGuard {
  const quietSince = useRef(Number.NEGATIVE_INFINITY);
  // After the commit: the moment the proposal is on screen.
  useLayoutEffect(() => {
    quietSince.current = clock();
  }, [shownId, clock]);
  return {
    ready: () => clock() - quietSince.current >= proposalGuardMs,
    hold: () => {
      quietSince.current = clock();
    },
  };
}
