/**
 * The race report's lap chart (issue 21) drawn as vectors with pdfkit: laps across, places down
 * (the leader on top), one line per skater labelled with his helmet number at both ends, the
 * breakaway shaded and its skaters' lines drawn heavy, the sprint laps dashed. Lapped and missed
 * crossings are open dots. The model is src/shared/timing/race-report.ts (LapChart).
 */
import type { LapChart } from '../../shared/timing/race-report.ts';

type Doc = PDFKit.PDFDocument;

/** Where on the page the chart goes (points). */
export interface ChartBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Line colours: Tableau 10 and a few darker ones, told apart in print; a colour comes back only
 * every 14 helmets, far apart in the field.
 */
const palette = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#637939',
  '#843c39',
  '#7b4173',
];
const grid = '#e4e4e4';
const axis = '#555555';
const breakawayFill = '#ffe08a';
const sprintLine = '#777777';

/** Draws the lap chart in the box. */
export function drawLapChart(doc: Doc, chart: LapChart, box: ChartBox): void {
  const plot = { x: box.x + 30, y: box.y + 14, width: box.width - 56, height: box.height - 36 };
  const step = chart.laps > 1 ? plot.width / (chart.laps - 1) : 0;
  const rowStep = chart.positions > 1 ? plot.height / (chart.positions - 1) : 0;
  const xOf = (lap: number) =>
    chart.laps > 1 ? plot.x + (lap - 1) * step : plot.x + plot.width / 2;
  const yOf = (position: number) => plot.y + (position - 1) * rowStep;
  /** A short label aligned in a box (measured: pdfkit aligns only text it wraps). */
  const label = (
    text: string,
    x: number,
    y: number,
    width: number,
    align: 'left' | 'right' | 'center',
  ) => {
    const free = width - doc.widthOfString(text);
    const dx = align === 'right' ? free : align === 'center' ? free / 2 : 0;
    doc.text(text, x + dx, y, { lineBreak: false });
  };

  doc.save();
  // The grid: a line per place and per lap, light.
  doc.lineWidth(0.3).strokeColor(grid);
  for (let position = 1; position <= chart.positions; position += 1)
    doc
      .moveTo(plot.x, yOf(position))
      .lineTo(plot.x + plot.width, yOf(position))
      .stroke();
  for (let lap = 1; lap <= chart.laps; lap += 1)
    doc
      .moveTo(xOf(lap), plot.y)
      .lineTo(xOf(lap), plot.y + plot.height)
      .stroke();

  // The breakaway: the first places of each lap it was away, shaded (a lap wide, so the laps
  // of one breakaway join into a band).
  const half = Math.max(4, step / 2);
  doc.fillColor(breakawayFill);
  for (const { lap, helmets } of chart.breakaways) {
    const from = Math.max(plot.x - 6, xOf(lap) - half);
    const to = Math.min(plot.x + plot.width + 6, xOf(lap) + half);
    doc.rect(from, yOf(1) - 5, to - from, yOf(helmets.length) - yOf(1) + 10).fill();
  }

  // The sprint laps and the finish: dashed, named above the plot.
  doc.font('bold').fontSize(6.5).fillColor(axis).lineWidth(0.6).strokeColor(sprintLine);
  const marks = [
    ...chart.sprintLaps.map((lap, index) => ({ lap, name: `SP${index + 1}` })),
    { lap: chart.laps, name: 'Finish' },
  ];
  for (const { lap, name } of marks) {
    if (lap > chart.laps) continue;
    doc
      .dash(2.5, { space: 2 })
      .moveTo(xOf(lap), plot.y - 6)
      .lineTo(xOf(lap), plot.y + plot.height)
      .stroke()
      .undash();
    label(name, xOf(lap) - 20, box.y, 40, 'center');
  }

  // The axes' numbers: every lap; every place up to 24, else every fifth.
  doc.font('regular').fontSize(6.5).fillColor(axis);
  for (let lap = 1; lap <= chart.laps; lap += 1)
    label(String(lap), xOf(lap) - 10, plot.y + plot.height + 5, 20, 'center');
  label('Lap', plot.x, plot.y + plot.height + 14, plot.width, 'center');
  const every = chart.positions <= 24 ? 1 : 5;
  for (let position = 1; position <= chart.positions; position += 1)
    if (position === 1 || position % every === 0)
      label(String(position), box.x, yOf(position) - 2.5, 12, 'right');

  const breakawayAt = new Map(chart.breakaways.map(({ lap, helmets }) => [lap, new Set(helmets)]));
  const inBreak = (bib: number, lap: number) => breakawayAt.get(lap)?.has(bib) ?? false;
  doc.lineJoin('round').lineCap('round');
  chart.lines.forEach((line, index) => {
    const colour = palette[index % palette.length]!;
    const { places } = line;
    doc.strokeColor(colour).fillColor(colour);
    // The line, heavy where both ends are in the breakaway.
    for (let k = 1; k < places.length; k += 1) {
      const from = places[k - 1]!;
      const to = places[k]!;
      const heavy = inBreak(line.bib, from.lap) && inBreak(line.bib, to.lap);
      doc
        .lineWidth(heavy ? 2.6 : 1)
        .moveTo(xOf(from.lap), yOf(from.position))
        .lineTo(xOf(to.lap), yOf(to.position))
        .stroke();
    }
    // The dots: open where he was lapped or the loop missed him.
    doc.lineWidth(0.7);
    for (const place of places) {
      const dot = doc.circle(xOf(place.lap), yOf(place.position), 1.7);
      if (place.lapped || place.inferred) dot.fillAndStroke('#ffffff', colour);
      else dot.fill(colour);
    }
    doc.fillColor(colour);
    // The helmet number at both ends of the line.
    const first = places[0];
    const last = places.at(-1);
    if (!first || !last) return;
    doc.font('bold').fontSize(6.5);
    label(`${line.bib}`, xOf(first.lap) - 17, yOf(first.position) - 2.5, 13, 'right');
    label(`${line.bib}`, xOf(last.lap) + 4, yOf(last.position) - 2.5, 16, 'left');
  });
  doc.restore();
}
