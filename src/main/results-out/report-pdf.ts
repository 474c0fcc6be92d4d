/**
 * The race report as a PDF (issue 21, part 3): A4 portrait on the results sheet's page setup and
 * fonts (DejaVu Sans Condensed, src/main/results-out/fonts.ts), the model of
 * src/shared/timing/race-report.ts laid out with pdfkit: the title block as the results sheet has
 * it, the summary, the lap chart (lap-chart-pdf.ts), the timeline and the corrections, the header
 * on every page and "page / pages" in the footer. The same journal and passing log give the same
 * bytes (the creation date is the race's own time).
 */
import type { RaceReport } from '../../shared/timing/race-report.ts';
import { openA4Pdf } from './pdf-document.ts';
import { drawLapChart } from './lap-chart-pdf.ts';

type Doc = PDFKit.PDFDocument;

const pageWidth = 595.28;
const pageHeight = 841.89;
const left = 40;
const right = pageWidth - 40;
const top = 38;
/** Content starts under the title block and stays above the footer. */
const contentTop = top + 100;
const contentBottom = pageHeight - 52;
const chartHeight = 330;

const ink = '#000000';
const muted = '#555555';
const rule = '#888888';
const stripe = '#f1f1f1';
const alert = '#b00020';
const away = '#8a5a00';

/** One line of text in a box, cut short with an ellipsis when too wide (as the results sheet). */
function line(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  align: 'left' | 'center' | 'right' = 'left',
  wordSpacing = 0,
): void {
  if (!text) return;
  doc.fontSize(size);
  const measure = (value: string) => doc.widthOfString(value, { wordSpacing });
  let shown = text;
  while (shown.length > 1 && measure(shown) > width) shown = `${shown.slice(0, -2).trimEnd()}…`;
  const free = width - measure(shown);
  const dx = align === 'right' ? free : align === 'center' ? free / 2 : 0;
  doc.text(shown, x + Math.max(0, dx), y, { lineBreak: false, wordSpacing });
}

/** The title block, as the results sheet has it; the box top right says what this is. */
function header(doc: Doc, report: RaceReport): void {
  const { title } = report;
  const boxWidth = 150;
  doc.fillColor(ink).font('bold');
  line(doc, title.meeting, left, top, right - left - boxWidth - 10, 15);
  doc.font('regular');
  line(doc, [title.venue, title.date].filter(Boolean).join(' · '), left, top + 21, 300, 10);
  doc
    .lineWidth(1.2)
    .strokeColor(ink)
    .rect(right - boxWidth, top - 2, boxWidth, 22)
    .stroke();
  doc.font('bold');
  line(doc, 'RACE REPORT', right - boxWidth, top + 3, boxWidth, 13, 'center');
  doc.font('regular').fillColor(title.official ? ink : alert);
  line(
    doc,
    title.official ? title.confirmed || 'OFFICIAL' : 'UNOFFICIAL',
    right - boxWidth - 40,
    top + 25,
    boxWidth + 40,
    8,
    'right',
  );
  doc.fillColor(ink);
  doc
    .lineWidth(0.8)
    .moveTo(left, top + 40)
    .lineTo(right, top + 40)
    .stroke();
  doc.font('bold');
  line(doc, title.title, left, top + 48, right - left, 13);
  doc.font('regular');
  line(doc, [title.category, title.round].filter(Boolean).join(' · '), left, top + 66, 400, 10);
  doc.fillColor(muted);
  line(doc, title.format, left, top + 81, right - left, 8);
  doc.fillColor(ink);
}

/** Lays out the pages as the content flows: `room(h)` starts a new page when h does not fit. */
class Flow {
  y = contentTop;

  constructor(
    private readonly doc: Doc,
    private readonly report: RaceReport,
  ) {
    this.page();
  }

  page(): void {
    this.doc.addPage({ size: 'A4', layout: 'portrait', margin: 0 });
    header(this.doc, this.report);
    this.y = contentTop;
  }

  /** Makes room for `height` (a new page when it does not fit); returns whether it did. */
  room(height: number): boolean {
    if (this.y + height <= contentBottom) return false;
    this.page();
    return true;
  }

  heading(text: string): void {
    this.room(40);
    this.doc.font('bold').fillColor(ink);
    line(this.doc, text, left, this.y, right - left, 11);
    this.y += 16;
  }

  /** A paragraph that wraps. */
  paragraph(text: string, size: number, colour = ink): void {
    this.doc.font('regular').fontSize(size).fillColor(colour);
    const height = this.doc.heightOfString(text, { width: right - left });
    this.room(height);
    this.doc.text(text, left, this.y, { width: right - left });
    this.y += height + 6;
    this.doc.fillColor(ink);
  }
}

/** A table: fixed columns, the last one wraps; a header row repeated on each page. */
function table(
  flow: Flow,
  doc: Doc,
  columns: readonly { label: string; width: number }[],
  rows: readonly { cells: readonly string[]; colour?: string; bold?: boolean }[],
): void {
  const size = 8;
  const lastWidth = right - left - columns.slice(0, -1).reduce((sum, c) => sum + c.width + 6, 0);
  const xs: number[] = [];
  let x = left;
  for (const column of columns) {
    xs.push(x);
    x += column.width + 6;
  }
  const head = () => {
    doc.rect(left - 3, flow.y, right - left + 6, 13).fill('#dcdcdc');
    doc.font('bold').fillColor(ink);
    columns.forEach((column, index) =>
      line(doc, column.label, xs[index]!, flow.y + 3, column.width || lastWidth, size),
    );
    flow.y += 15;
  };
  flow.room(30);
  head();
  rows.forEach((row, index) => {
    doc.font(row.bold ? 'bold' : 'regular').fontSize(size);
    const wrapped = row.cells.at(-1) ?? '';
    const height = Math.max(11, doc.heightOfString(wrapped, { width: lastWidth }) + 2);
    if (flow.room(height + 2)) head();
    if (index % 2 === 1)
      doc.rect(left - 3, flow.y - 1.5, right - left + 6, height + 1).fill(stripe);
    doc.fillColor(row.colour ?? ink).font(row.bold ? 'bold' : 'regular');
    row.cells.forEach((text, column) => {
      if (column < columns.length - 1)
        line(doc, text, xs[column]!, flow.y, columns[column]!.width, size);
      else doc.fontSize(size).text(text, xs[column], flow.y, { width: lastWidth });
    });
    flow.y += height + 1;
  });
  doc.fillColor(ink);
  flow.y += 8;
}

function footer(doc: Doc, report: RaceReport, page: number, pages: number): void {
  const y = pageHeight - 40;
  doc.lineWidth(0.5).strokeColor(rule).moveTo(left, y).lineTo(right, y).stroke();
  doc.fillColor(muted).font('regular');
  line(doc, report.title.software, left, y + 6, 200, 8);
  // Wider spaces, so text extraction (pdftotext) keeps them: "1 / 2".
  line(doc, `${page} / ${pages}`, right - 100, y + 6, 100, 8, 'right', 1.5);
  doc.fillColor(ink);
}

const rowColours: Partial<Record<string, string>> = {
  breakaway: away,
  caught: away,
  status: alert,
  reopened: alert,
};

/** Lays out a race report as PDF bytes. */
export function renderReportPdf(report: RaceReport): Promise<Buffer> {
  const { doc, done } = openA4Pdf({
    title: report.documentTitle,
    meeting: report.title.meeting,
    software: report.title.software,
    created: report.title.confirmedAt ?? report.title.startedAt,
    bufferPages: true,
  });

  const flow = new Flow(doc, report);
  flow.paragraph(report.summary, 9);
  if (report.passingsNote) flow.paragraph(report.passingsNote, 9, alert);
  if (report.chart) {
    flow.heading('Lap chart');
    drawLapChart(doc, report.chart, {
      x: left,
      y: flow.y,
      width: right - left,
      height: chartHeight,
    });
    flow.y += chartHeight + 4;
    flow.paragraph(
      `The place of each skater at each crossing of the line, from the loop’s passings (lapped skaters after the lead lap; open dots: lapped, or a crossing the loop missed). Shaded, heavy lines: the breakaway (the leading group, fewer than half the field, ${report.chart.thresholdSeconds.toFixed(1)} s or more ahead). Dashed: the sprint laps and the finish.`,
      7.5,
      muted,
    );
  }

  flow.heading('Timeline');
  table(
    flow,
    doc,
    [
      { label: 'Time', width: 62 },
      { label: 'Race', width: 40 },
      { label: 'Event', width: 62 },
      { label: 'Details', width: 0 },
    ],
    report.timeline.map((row) => ({
      cells: [row.time, row.raceTime, row.event, row.detail],
      ...(rowColours[row.kind] ? { colour: rowColours[row.kind] } : {}),
      bold: row.kind === 'sprint' || row.kind === 'finish' || row.kind === 'start',
    })),
  );

  flow.heading('Corrections');
  if (report.corrections.length === 0)
    flow.paragraph('None: no journal entry undid, redid or corrected another.', 9);
  else
    table(
      flow,
      doc,
      [
        { label: 'Time', width: 62 },
        { label: 'Entry', width: 30 },
        { label: 'Source', width: 44 },
        { label: 'Correction', width: 0 },
      ],
      report.corrections.map((correction) => ({
        cells: [
          correction.time,
          `#${correction.seq}`,
          correction.source,
          `${correction.text}${correction.undoneBy === null ? '' : ` (undone by #${correction.undoneBy})`}`,
        ],
        ...(correction.undoneBy === null ? {} : { colour: muted }),
      })),
    );

  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page += 1) {
    doc.switchToPage(page);
    footer(doc, report, page - start + 1, count);
  }
  doc.end();
  return done;
}
