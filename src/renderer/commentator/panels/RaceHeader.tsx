import type { RaceHead } from '../model/race-head.ts';
import type { Status } from '../model/status-line.ts';

/** One status in the head: a dot and the words, coloured by tone. */
function StatusChip({ status, testId }: { status: Status; testId: string }) {
  return (
    <span className={`status ${status.tone}`} data-testid={testId} data-tone={status.tone}>
      <span className="dot" aria-hidden="true" />
      {status.text}
    </span>
  );
}

/** The head: laps to go in big type, the race, what the lap is, and the page's health. */
export function RaceHeader({
  head,
  connection,
  timing,
  standby,
}: {
  head: RaceHead;
  connection: Status;
  timing: Status;
  standby: Status;
}) {
  return (
    <header className="head">
      <div className="figure" aria-label={`${head.lapsToGo} ${head.lapsLabel}`}>
        <span className="laps" data-testid="laps-to-go">
          {head.lapsToGo}
        </span>
        <span className="laps-label">{head.lapsLabel}</span>
      </div>
      <div className="race">
        <h1 data-testid="race-title">{head.title}</h1>
        <p className="muted">{[head.meeting, head.round, head.lap].filter(Boolean).join(' · ')}</p>
      </div>
      <div className={`flag ${head.flag.tone}`} data-testid="race-flag" role="status">
        {head.flag.text}
      </div>
      <div className="statuses">
        <StatusChip status={connection} testId="connection-status" />
        <StatusChip status={timing} testId="timing-status" />
        <StatusChip status={standby} testId="standby-status" />
      </div>
    </header>
  );
}
