/** The recorded semi-final the rehearsal replays (resources/demo), bundled with the console. */
import recordedSemi from '../../../../resources/demo/recorded-semi1.jsonl?raw';

/** The recorded journal entries; the host checks them before it replays anything. */
export function recordedSemiFinal(): unknown[] {
  return recordedSemi
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}
