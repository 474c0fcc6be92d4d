import { useState } from 'react';
import type { ProgramCommand, ProgramView } from '../../../shared/protocol/program.ts';
import { venueOf } from '../../../shared/results/meeting-facts.ts';
import type { Translate } from '../labels/i18n.ts';
import type { SendProgram } from '../host/use-host.ts';
import { Refusal } from '../ui/Refusal.tsx';

/** The form's fields. */
type Field = 'name' | 'venue' | 'date' | 'timeZone';

/** What was typed per field; a field not touched shows (and keeps) the program's value. */
export type MeetingDraft = Partial<Record<Field, string>>;

type MeetingConfigured = Extract<ProgramCommand, { type: 'meeting/configured' }>;

/**
 * The meeting/configured of what the operator changed (an emptied day or zone clears it), or
 * null when nothing differs from the program: the host gets only what changes.
 */
export function meetingChanges(
  program: ProgramView,
  draft: MeetingDraft,
): MeetingConfigured | null {
  const typed = (field: Field) => draft[field]?.trim();
  const changes: Omit<MeetingConfigured, 'type'> = {
    ...(typed('name') !== undefined && typed('name') !== program.meeting
      ? { name: typed('name')! }
      : {}),
    ...(typed('venue') !== undefined && typed('venue') !== program.venue
      ? { venue: typed('venue')! }
      : {}),
    ...(typed('date') !== undefined && (typed('date') || null) !== program.meetingDate
      ? { date: typed('date') || null }
      : {}),
    ...(typed('timeZone') !== undefined && (typed('timeZone') || null) !== program.timeZone
      ? { timeZone: typed('timeZone') || null }
      : {}),
  };
  return Object.keys(changes).length > 0 ? { type: 'meeting/configured', ...changes } : null;
}

/** Every IANA zone the browser knows, for the zone field's suggestions. */
const zones: readonly string[] = Intl.supportedValuesOf('timeZone');

/**
 * The meeting's facts (issue 19): name, venue, day and time zone, which the results sheet, the
 * exports and the feeds print. Enter saves what changed (meeting/configured); a refusal, or
 * "nothing to save", shows under the form.
 */
export function MeetingForm({
  t,
  program,
  send,
}: {
  t: Translate;
  program: ProgramView;
  send: SendProgram;
}) {
  const [draft, setDraft] = useState<MeetingDraft>({});
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | { error: string } | null>(null);
  const shown: Record<Field, string> = {
    name: draft.name ?? program.meeting,
    venue: draft.venue ?? program.venue,
    date: draft.date ?? program.meetingDate ?? '',
    timeZone: draft.timeZone ?? program.timeZone ?? '',
  };
  const save = async () => {
    const command = meetingChanges(program, draft);
    if (!command) {
      setOutcome('unchanged');
      return;
    }
    const reply = await send(command);
    if (reply.ok) setDraft({});
    setOutcome(reply.ok ? 'saved' : { error: reply.error });
  };
  const field = (name: Field) => ({
    value: shown[name],
    onChange: (event: { target: { value: string } }) => {
      setOutcome(null);
      setDraft((typed) => ({ ...typed, [name]: event.target.value }));
    },
  });
  return (
    <form
      className="form-grid"
      aria-labelledby="meeting-heading"
      data-testid="meeting-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id="meeting-heading">{t('meeting')}</h3>
      <label>
        {t('meeting.name')}
        <input type="text" maxLength={200} {...field('name')} />
      </label>
      <label>
        {t('meeting.venue')}
        <input
          type="text"
          maxLength={200}
          placeholder={t('meeting.venueFromName', { venue: venueOf(shown.name) })}
          {...field('venue')}
        />
      </label>
      <label>
        {t('meeting.date')}
        <input type="text" inputMode="numeric" placeholder="2026-02-21" {...field('date')} />
      </label>
      <label>
        {t('meeting.timeZone')}
        <input
          type="text"
          list="meeting-time-zones"
          placeholder={t('meeting.hostZone')}
          {...field('timeZone')}
        />
      </label>
      <datalist id="meeting-time-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <button type="submit">{t('meeting.save')}</button>
      <p className="muted">{t('meeting.help')}</p>
      {(outcome === 'saved' || outcome === 'unchanged') && (
        <p role="status" data-testid="meeting-outcome">
          {t(outcome === 'saved' ? 'meeting.saved' : 'meeting.unchanged')}
        </p>
      )}
      <Refusal
        t={t}
        error={typeof outcome === 'object' && outcome ? outcome.error : null}
        testId="meeting-refusal"
      />
    </form>
  );
}
