// Two pages main generates itself, without scripts: the display identification card and the
// test pattern (issue 6: "helps the operator pick the right output"). Served by app-protocol.ts
// at app://mass-start/_internal/<name>?<parameters>.

/** Escapes text for HTML and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The CSP of the generated pages: no scripts at all. */
export const internalPagePolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** What the identification card shows about one display. */
export interface IdentifyCard {
  readonly number: number;
  readonly label: string;
  readonly width: number;
  readonly height: number;
  readonly scaleFactor: number;
  /** What is on this display now, e.g. ["console", "board"]. */
  readonly showing: readonly string[];
}

/** The card shown on every display for a few seconds: a big number, name, size, and what it shows. */
export function identifyPage(card: IdentifyCard): string {
  const showing =
    card.showing.length > 0 ? card.showing.join(' + ') : 'nothing from the scoreboard';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Display ${card.number}</title><style>
html,body{margin:0;height:100%;background:transparent;font-family:system-ui,sans-serif;overflow:hidden}
.card{box-sizing:border-box;height:100%;border:6px solid #ffd200;border-radius:24px;background:rgba(10,20,40,.92);color:#fff;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center}
.number{font-size:160px;font-weight:800;line-height:1}.label{font-size:30px;margin-top:8px}.meta{font-size:22px;opacity:.8;margin-top:6px}
</style></head><body><div class="card"><div class="number">${card.number}</div><div class="label">${escapeHtml(card.label)}</div>
<div class="meta">${card.width} &times; ${card.height}${card.scaleFactor === 1 ? '' : ` @ ${card.scaleFactor}x`}</div><div class="meta">shows: ${escapeHtml(showing)}</div></div></body></html>`;
}

/** What the test pattern is drawn for. */
export interface TestPattern {
  readonly label: string;
  readonly width: number;
  readonly height: number;
  /** The board's safe-area margin as a share of each side (program display settings). */
  readonly safeArea: number;
}

/**
 * A full-screen test pattern: a 10 % grid, colour bars, a greyscale ramp, corner marks at the
 * very edge (overscan shows as missing corners), the safe area the board keeps to, and the
 * display's name and resolution, all as one SVG scaled to the window.
 */
export function testPatternPage(pattern: TestPattern): string {
  const { width: w, height: h } = pattern;
  const grid = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    .map(
      (i) =>
        `<line x1="${(w * i) / 10}" y1="0" x2="${(w * i) / 10}" y2="${h}"/><line x1="0" y1="${(h * i) / 10}" x2="${w}" y2="${(h * i) / 10}"/>`,
    )
    .join('');
  const colours = [
    '#ffffff',
    '#ffff00',
    '#00ffff',
    '#00ff00',
    '#ff00ff',
    '#ff0000',
    '#0000ff',
    '#000000',
  ];
  const barWidth = (w * 0.6) / colours.length;
  const bars = colours
    .map(
      (colour, i) =>
        `<rect x="${w * 0.2 + i * barWidth}" y="${h * 0.3}" width="${barWidth}" height="${h * 0.2}" fill="${colour}"/>`,
    )
    .join('');
  const ramp = Array.from({ length: 11 }, (_, i) => {
    const level = Math.round((255 * i) / 10)
      .toString(16)
      .padStart(2, '0');
    return `<rect x="${w * 0.2 + (i * w * 0.6) / 11}" y="${h * 0.5}" width="${(w * 0.6) / 11}" height="${h * 0.08}" fill="#${level}${level}${level}"/>`;
  }).join('');
  const m = Math.min(w, h) * 0.04;
  const corners = `<path d="M0 ${m}V0H${m}M${w - m} 0H${w}V${m}M${w} ${h - m}V${h}H${w - m}M${m} ${h}H0V${h - m}" fill="none" stroke="#ff3030" stroke-width="${Math.max(4, m / 8)}"/>`;
  const s = pattern.safeArea;
  const safe = `<rect x="${w * s}" y="${h * s}" width="${w * (1 - 2 * s)}" height="${h * (1 - 2 * s)}" fill="none" stroke="#ffd200" stroke-width="3" stroke-dasharray="16 10"/>`;
  const size = Math.round(h / 18);
  const text = `<text x="${w / 2}" y="${h * 0.2}" font-size="${size}" fill="#fff" text-anchor="middle" font-family="system-ui,sans-serif">${escapeHtml(pattern.label)} · ${w} × ${h}</text>
<text x="${w / 2}" y="${h * 0.7}" font-size="${size * 0.6}" fill="#ffd200" text-anchor="middle" font-family="system-ui,sans-serif">dashed: safe area ${Math.round(s * 100)} % · red corners must be visible</text>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test pattern</title><style>html,body{margin:0;height:100%;background:#202020;overflow:hidden}svg{display:block;width:100vw;height:100vh}</style></head><body>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none"><rect width="${w}" height="${h}" fill="#202020"/><g stroke="#606060" stroke-width="2">${grid}</g>${bars}${ramp}${safe}${corners}
<circle cx="${w / 2}" cy="${h / 2}" r="${Math.min(w, h) * 0.45}" fill="none" stroke="#808080" stroke-width="2"/>${text}</svg></body></html>`;
}

const number = (value: string | null, fallback: number, min: number, max: number) => {
  const parsed = Number(value);
  return Number.isFinite(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
};

/** The page for an app://mass-start/_internal/... URL, or null when there is none. */
export function internalPage(url: URL): string | null {
  const params = url.searchParams;
  const label = (params.get('label') ?? '').slice(0, 200);
  const width = Math.round(number(params.get('width'), 1920, 1, 20000));
  const height = Math.round(number(params.get('height'), 1080, 1, 20000));
  switch (url.pathname) {
    case '/_internal/identify':
      return identifyPage({
        number: Math.round(number(params.get('number'), 1, 1, 99)),
        label,
        width,
        height,
        scaleFactor: number(params.get('scale'), 1, 0.25, 8),
        showing: params
          .getAll('showing')
          .slice(0, 5)
          .map((role) => role.slice(0, 20)),
      });
    case '/_internal/test-pattern':
      return testPatternPage({
        label,
        width,
        height,
        safeArea: number(params.get('safeArea'), 0.05, 0, 0.2),
      });
    default:
      return null;
  }
}
