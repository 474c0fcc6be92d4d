import { useEffect, useMemo, useRef, useState } from 'react';
import { gapsOf } from '../../shared/timing/gaps-view.ts';
import type { HostClient } from '../shared/host-client.ts';
import { correctionLines } from './model/corrections.ts';
import { groupsModel } from './model/group-lines.ts';
import { lapTimesModel } from './model/lap-times.ts';
import { raceHead } from './model/race-head.ts';
import { sprintHistory } from './model/sprint-history.ts';
import { standingsModel } from './model/standings-rows.ts';
import { connectionStatus, standbyStatus, timingStatus } from './model/status-line.ts';
import { CorrectionsPanel } from './panels/CorrectionsPanel.tsx';
import { GroupsPanel } from './panels/GroupsPanel.tsx';
import { LapTimesPanel } from './panels/LapTimesPanel.tsx';
import { RaceHeader } from './panels/RaceHeader.tsx';
import { SprintsPanel } from './panels/SprintsPanel.tsx';
import { StandingsPanel } from './panels/StandingsPanel.tsx';
import { useFeeds, useTicking } from './use-feeds.ts';

/**
 * The commentator screen (issue 21): everything at once on one dense page for the commentary
 * positions and the referees, live. Draws what the host pushes; computes no results.
 */
export function CommentatorApp({
  client,
  checkToken,
}: {
  client: HostClient;
  /** Asks the host why it refuses this page's token (null: it does not). */
  checkToken: () => Promise<string | null>;
}) {
  const feeds = useFeeds(client);
  const now = useTicking();
  const [refusal, setRefusal] = useState<string | null>(null);
  // A connection that never opened: the token may be the reason. Ask the host each time it
  // fails so (a cheap read), say why and stop; a reconnect in between does not drop the answer.
  const closedBeforeOpen = feeds.connection === 'closed' && !feeds.everOpen;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    if (!closedBeforeOpen) return;
    void checkToken().then((why) => {
      if (!mounted.current || why === null) return;
      setRefusal(why);
      client.close();
    });
  }, [closedBeforeOpen, checkToken, client]);

  const race = feeds.snapshot?.race ?? null;
  const raceId = race?.id ?? null;
  const gaps = gapsOf(feeds.gaps, raceId);
  const head = raceHead(feeds.snapshot?.program ?? null, race);
  const models = useMemo(
    () =>
      race && {
        standings: standingsModel(race, gaps),
        groups: groupsModel(race, gaps),
        lapTimes: lapTimesModel(race, gaps),
        sprints: sprintHistory(race),
      },
    [race, gaps],
  );
  const corrections = useMemo(
    () => correctionLines(feeds.journal, raceId),
    [feeds.journal, raceId],
  );
  if (refusal) return <Refusal text={refusal} />;
  return (
    <div className="commentator">
      <RaceHeader
        head={head}
        connection={connectionStatus(feeds.connection)}
        timing={timingStatus(feeds.timing, now)}
        standby={standbyStatus(feeds.host)}
      />
      {models ? (
        <main className="panels">
          <div className="left">
            <StandingsPanel model={models.standings} />
            <CorrectionsPanel lines={corrections} />
          </div>
          <div className="right">
            <div className="pair">
              <GroupsPanel model={models.groups} />
              <SprintsPanel lines={models.sprints} />
            </div>
            <LapTimesPanel model={models.lapTimes} />
          </div>
        </main>
      ) : (
        <main className="panels empty">
          <p className="muted">{feeds.snapshot ? 'No race is active.' : 'Waiting for the host…'}</p>
        </main>
      )}
    </div>
  );
}

/** What the page says when it cannot follow the race: why, and what to do. */
export function Refusal({ text }: { text: string }) {
  return (
    <main className="refused" role="alert" data-testid="refusal">
      <h1>Commentator screen</h1>
      <p>{text}</p>
    </main>
  );
}
