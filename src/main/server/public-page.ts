/**
 * The public live page (issue 13): one small HTML file, mobile first, no token in its URL, no
 * build step and nothing from another origin. It polls /public/v1/live.json once a second (a
 * cache in front answers it) and says "live data paused" when the host's clock in the data stops
 * moving for 5 s or the feed cannot be read, keeping the last standings on screen. A semi-final
 * marks who is through (a Q badge), and in its last laps (from the bell, or once the last
 * intermediate sprint is placed) what each open skater needs: "needs top 5" (issue 18).
 */
export const publicPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mass start live</title>
<style>
  :root { color-scheme: dark; font-family: system-ui, sans-serif; background: #0b1020; color: #f3f5fa; }
  body { margin: 0; padding: 12px; max-width: 640px; margin-inline: auto; }
  header h1 { font-size: 1.05rem; margin: 0 0 4px; color: #9fb0d6; font-weight: 600; }
  #race { font-size: 1.25rem; margin: 0 0 8px; }
  #laps { font-size: 3.2rem; font-weight: 800; line-height: 1; }
  #laps small { font-size: 1rem; font-weight: 500; color: #9fb0d6; }
  #state { margin: 8px 0; padding: 6px 10px; border-radius: 6px; background: #18233f; font-size: 0.95rem; }
  #state.paused { background: #7a2a12; }
  table { width: 100%; border-collapse: collapse; font-size: 1rem; }
  td, th { padding: 6px 4px; border-bottom: 1px solid #223055; text-align: left; }
  th { color: #9fb0d6; font-weight: 500; font-size: 0.85rem; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  tr.line td { border-bottom: 2px solid #f2c14e; }
  td.mark { white-space: nowrap; font-size: 0.85rem; }
  .badge { display: inline-block; min-width: 1.4em; padding: 1px 5px; border-radius: 4px; background: #3ddc84; color: #06251a; font-weight: 800; text-align: center; }
  .need { color: #f2c14e; font-weight: 600; }
  .out { color: #8a96b4; }
  #legend { margin: 8px 0 0; color: #9fb0d6; font-size: 0.8rem; }
  #legend[hidden] { display: none; }
  #legend > span { white-space: nowrap; }
</style>
</head>
<body>
<header><h1 id="meeting">Mass start</h1></header>
<p id="race">Waiting for the live data…</p>
<div id="laps"></div>
<p id="state" role="status">Connecting…</p>
<table><thead><tr><th>#</th><th>Skater</th><th>Nat</th><th class="n">Pts</th><th></th></tr></thead><tbody id="rows"></tbody></table>
<p id="legend" hidden><span><span class="badge">Q</span> through to the final whatever happens</span> · <span><span class="need">needs top N</span>: finishing N-th or better is sure to qualify</span> · <span><span class="out">out</span>: can no longer qualify</span></p>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  let lastAt = null, changedAt = Date.now(), failing = false;
  const text = (el, value) => { el.textContent = value; };
  function show(live) {
    text($('meeting'), live.meeting);
    const race = live.race;
    if (!race) { text($('race'), 'No race on the boards'); $('laps').textContent = ''; $('rows').replaceChildren(); $('legend').hidden = true; return; }
    text($('race'), race.title);
    $('laps').innerHTML = '';
    const big = document.createTextNode(race.official ? 'OFFICIAL' : race.lapsToGo === 0 && race.started ? 'FINISH' : String(race.lapsToGo));
    const small = document.createElement('small');
    small.textContent = race.official || (race.lapsToGo === 0 && race.started) ? '' : (race.lapsToGo === 1 ? ' lap to go' : ' laps to go') + (race.bell ? ' · bell' : race.sprintLap ? ' · sprint lap' : '');
    $('laps').append(big, small);
    const running = race.round === 'semi' && race.phase === 'live';
    const last = running && lastLaps(race);
    let explained = false;
    const rows = race.standings.map((s, i) => {
      const tr = document.createElement('tr');
      if (race.qualificationLine && i + 1 === race.qualificationLine) tr.className = 'line';
      for (const [value, cls] of [[s.rankText || '', 'n'], [s.helmet + ' ' + s.name, ''], [s.nation, ''], [String(s.total), 'n']]) {
        const td = document.createElement('td'); td.textContent = value; if (cls) td.className = cls; tr.append(td);
      }
      const td = document.createElement('td'); td.className = 'mark';
      const shown = mark(s, running, last);
      if (shown) {
        const span = document.createElement('span'); span.className = shown.cls; span.textContent = shown.text;
        if (shown.title) span.title = shown.title;
        td.append(span);
        explained = explained || shown.outlook === true;
      }
      tr.append(td);
      return tr;
    });
    $('rows').replaceChildren(...rows);
    $('legend').hidden = !explained;
  }
  // The last laps of a semi-final: the bell, or no intermediate sprint left to place (the rows
  // carry sp1..spN, null for sprints the format lacks).
  function lastLaps(race) {
    if (race.bell) return true;
    const row = race.standings[0] || {};
    const sprints = Object.keys(row).filter((key) => /^sp[0-9]+$/.test(key) && row[key] !== null).length;
    return !race.lastSprintFinal && (race.lastSprint || 0) >= sprints;
  }
  // The last cell: Q / q badge, the status of a skater out of the race, and in a running
  // semi-final "out", or (in its last laps) what an open skater needs.
  function mark(s, running, last) {
    const q = s.qualified || (running && s.qualification === 'Q' ? 'Q' : null);
    if (q) return { text: q, cls: 'badge', title: q === 'q' ? 'Advanced to the final by the referee' : running ? 'Through to the final whatever happens' : 'Qualified for the final', outlook: running };
    if (s.status !== 'OK') return { text: s.status, cls: '' };
    if (running && s.qualification === 'out') return { text: 'out', cls: 'out', title: 'Can no longer qualify for the final', outlook: true };
    if (last && s.qualification === 'open' && s.safeFinish) return { text: 'needs top ' + s.safeFinish, cls: 'need', title: 'Finishing in the top ' + s.safeFinish + ' is sure to qualify', outlook: true };
    return null;
  }
  function status() {
    const paused = failing || Date.now() - changedAt > 5000;
    $('state').className = paused ? 'paused' : '';
    text($('state'), paused ? 'Live data paused: showing the last standings received' : 'Live');
  }
  async function poll() {
    try {
      const response = await fetch('v1/live.json', { cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      const live = await response.json();
      failing = false;
      if (live.at !== lastAt) { lastAt = live.at; changedAt = Date.now(); }
      show(live);
    } catch { failing = true; }
    status();
  }
  poll();
  setInterval(poll, 1000);
})();
</script>
</body>
</html>
`;
