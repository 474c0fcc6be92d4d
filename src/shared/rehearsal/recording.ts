import { journalEntrySchema, type JournalEntry } from '../race/events.ts';
import { describeIssues } from '../validation.ts';

/** A recording that cannot be replayed; the message says why. */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
}

/** Reads a recorded journal (JSON Lines, one entry per line), naming the line of a bad entry. */
export function parseRecording(text: string): JournalEntry[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new RecordingError(`line ${number}: ${(error as Error).message}`);
      }
      const entry = journalEntrySchema.safeParse(value);
      if (!entry.success)
        throw new RecordingError(`line ${number}: ${describeIssues(entry.error)}`);
      return entry.data;
    });
}
