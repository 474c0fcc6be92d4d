// Board page: the venue board, or with ?output=overlay the broadcast overlay. Draws what the
// host pushes (over WebSocket, with the view token from ?token=); computes nothing itself.
import { connectHost } from '../shared/connect.ts';
import { BannerClock } from './banner-clock.ts';
import { BoardApp, type Output } from './board-app.ts';
import { countAnimationFrames, inspection } from './inspect.ts';
import type { BoardModel } from '../../shared/board/model.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';
import { gapsOf, type GapsView } from '../../shared/timing/gaps-view.ts';
import { presentGaps } from './gaps/present-gaps.ts';

declare global {
  interface Window {
    __board?: ReturnType<typeof inspection> | { ready: false; error: string | null };
  }
}

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const output: Output = params.get('output') === 'overlay' ? 'overlay' : 'board';
  // A venue board may choose its own layout over the meeting's (issue 18): ?layout=far|dense.
  const layoutParam = params.get('layout');
  const layout = layoutParam === 'far' || layoutParam === 'dense' ? layoutParam : undefined;
  if (layoutParam !== null && layout === undefined)
    console.warn(`layout=${layoutParam} is not a board layout (far, dense): the meeting's is used`);
  document.documentElement.dataset.output = output;
  countAnimationFrames();
  const board = await BoardApp.create(output, document.body);
  const inspect = inspection(board);
  window.__board = inspect;

  // The loop's groups and gaps (issue 21) come as their own value; only those of the race on
  // the board are drawn (gapsOf), so a board following another race shows none.
  let gapsView: GapsView | null = null;
  let shown: HostSnapshotMessage | null = null;
  const gapsFor = (snapshot: HostSnapshotMessage, model: BoardModel) =>
    presentGaps(gapsOf(gapsView, snapshot.race?.id ?? null), model, snapshot.program.display);
  const show = (snapshot: HostSnapshotMessage, receivedAt: number) => {
    shown = snapshot;
    const { model, bannerActive } = banner.present(snapshot, receivedAt);
    board.present(model, {
      revision: snapshot.revision,
      raceId: snapshot.race?.id ?? null,
      bannerActive,
      receivedAt,
      gaps: gapsFor(snapshot, model),
    });
  };
  const banner = new BannerClock((snapshot) => show(snapshot, performance.now()), layout);
  const client = connectHost();
  client.onConnection((state) => (inspect.connection = state));
  client.onState((snapshot) => show(snapshot, performance.now()));
  client.onGaps((view) => {
    gapsView = view;
    if (shown && board.model) board.presentGaps(gapsFor(shown, board.model));
  });
  window.addEventListener('resize', () => board.resize(window.innerWidth, window.innerHeight));
  inspect.ready = true;
}

start().catch((error: unknown) => {
  console.error(error);
  window.__board = { ready: false, error: String(error) };
});
