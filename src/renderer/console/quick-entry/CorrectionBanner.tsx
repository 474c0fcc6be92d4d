import type { Translate } from '../labels/i18n.ts';
import type { QuickEntryMode } from './parse.ts';

/**
 * The entry line is correcting placings already entered (issue 19, part 4): S at 7 to go opens
 * sprint 2, already placed, and Enter would replace it. Said across the whole entry, in the
 * warning colour, with what is placed now and the two ways out; the entry's frame takes the
 * same colour (`.entry.correcting`).
 */
export function CorrectionBanner({
  t,
  mode,
  replaces,
}: {
  t: Translate;
  mode: QuickEntryMode;
  /** The placings (or finish order) Enter replaces. */
  replaces: readonly number[];
}) {
  const placed = replaces.join(' · ');
  return (
    <p className="correction-banner" role="status" data-testid="correction-banner">
      {mode.kind === 'sprint'
        ? t('entry.correcting.sprint', { sprint: mode.sprint, placed })
        : t('entry.correcting.finish', { placed })}
    </p>
  );
}
