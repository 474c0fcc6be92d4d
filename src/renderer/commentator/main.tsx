// Commentator screen (issue 21): one dense page for the commentary positions and the referees,
// in any browser, with the view token from ?token= (as the board). Draws what the host pushes.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHost } from '../shared/connect.ts';
import { CommentatorApp, Refusal } from './CommentatorApp.tsx';
import { missingToken, tokenRefusal } from './token-check.ts';
// The board's condensed face (Barlow Condensed, OFL, shipped from this host): dense tables fit.
import '@fontsource/barlow-condensed/500.css';
import '@fontsource/barlow-condensed/700.css';
import './commentator.css';

const root = createRoot(document.getElementById('root')!);
const missing = missingToken(window.location.search);
if (missing) root.render(<Refusal text={missing} />);
else {
  // A journal follower: the race's journal (the corrections) and the timing view come with the
  // state; a view token may read both (src/main/host/session.ts, subscribedNames).
  const client = connectHost(window, { journal: true });
  const checkToken = () => tokenRefusal(window.location.search);
  root.render(
    <StrictMode>
      <CommentatorApp client={client} checkToken={checkToken} />
    </StrictMode>,
  );
}
