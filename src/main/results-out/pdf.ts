import {
  resultsSheet,
  type ResultsSheet,
  type ResultsSheetInput,
  type SheetRow,
} from '../../shared/results/sheet.ts';
import { openA4Pdf } from './pdf-document.ts';

/**
 * The official results sheet as a PDF (issue 11): A4 portrait in the style of ISU results, the
 * model of src/shared/results/sheet.ts laid out with pdfkit, DejaVu Sans Condensed embedded.
 * The same race and journal give the same bytes (the creation date is the race's own time).
 */
export type ResultsPdfInput = ResultsSheetInput;

const pageWidth = 595.28;
const pageHeight = 841.89;
const left = 40;
const right = pageWidth - 40;
const top = 38;
/** Rows and the end block stay above this; the footer is under it. */
const contentBottom = pageHeight - 52;
const tableTop = top + 112;
const headHeight = 16;
const rowHeight = 15;
const legendLine = 10.5;
const signatureHeight = 64;

const ink = '#000000';
const muted = '#555555';
const rule = '#888888';
const stripe = '#f1f1f1';
const alert = '#b00020';

type Doc = PDFKit.PDFDocument;

/** Height of what follows the table on the last page: legend, status and signatures. */
function endHeight(sheet: ResultsSheet): number {
  return 14 + sheet.legend.length * legendLine + 18 + signatureHeight;
}

/**
 * The rows of each page: as many as fit under the header; the last page also holds the legend
 * and the signature lines, so when they do not fit under the last rows, a few rows move on with
 * them (a row is never split, the header repeats on every page).
 */
export function paginate<T>(rows: readonly T[], endBlock: number): T[][] {
  const capacity = Math.max(1, Math.floor((contentBottom - tableTop - headHeight) / rowHeight));
  const withEnd = Math.max(
    0,
    Math.floor((contentBottom - tableTop - headHeight - endBlock) / rowHeight),
  );
  const pages: T[][] = [];
  let index = 0;
  for (;;) {
    const left = rows.length - index;
    if (left <= withEnd) {
      pages.push(rows.slice(index));
      return pages;
    }
    if (left <= capacity) {
      const carry = Math.min(3, Math.max(withEnd, 1), left);
      if (left - carry > 0) pages.push(rows.slice(index, rows.length - carry));
      pages.push(rows.slice(rows.length - carry));
      return pages;
    }
    pages.push(rows.slice(index, index + capacity));
    index += capacity;
  }
}

/** Writes text on one line in a box, shrinking it to fit the width when it is too wide. */
function cell(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'center' | 'right',
  size: number,
  wordSpacing = 0,
): void {
  if (!text) return;
  let fitted = size;
  doc.fontSize(fitted);
  const measure = (value: string) => doc.widthOfString(value, { wordSpacing });
  const smallest = Math.max(6, size * 0.8);
  while (fitted > smallest && measure(text) > width) doc.fontSize((fitted -= 0.25));
  // Still too wide at the smallest size: cut it short with an ellipsis.
  let shown = text;
  while (shown.length > 1 && measure(shown) > width) shown = `${shown.slice(0, -2).trimEnd()}…`;
  text = shown;
  const textWidth = measure(text);
  const dx =
    align === 'right' ? width - textWidth : align === 'center' ? (width - textWidth) / 2 : 0;
  doc.text(text, x + Math.max(0, dx), y, { lineBreak: false, wordSpacing });
}

/** The x and width of each column: fixed widths, the name column takes what is left. */
function columnBoxes(sheet: ResultsSheet): { x: number; width: number }[] {
  const gap = 4;
  const fixed = sheet.columns.reduce((sum, column) => sum + column.width, 0);
  const nameWidth = right - left - fixed - gap * (sheet.columns.length - 1);
  let x = left;
  return sheet.columns.map((column) => {
    const width = column.width || nameWidth;
    // The marks keep clear of the times right-aligned before them.
    const indent = column.key === 'mark' ? 8 : 0;
    const box = { x: x + indent, width: width - indent };
    x += width + gap;
    return box;
  });
}

function header(doc: Doc, sheet: ResultsSheet): void {
  const statusWidth = 150;
  doc.fillColor(ink).font('bold');
  cell(doc, sheet.meeting, left, top, right - left - statusWidth - 10, 'left', 15);
  doc.font('regular');
  const place = [sheet.venue, sheet.date].filter(Boolean).join(' · ');
  cell(doc, place, left, top + 21, right - left - statusWidth - 10, 'left', 10);

  // UNOFFICIAL / OFFICIAL, boxed, top right; the confirmation time under it.
  const color = sheet.official ? ink : alert;
  doc
    .lineWidth(1.2)
    .strokeColor(color)
    .rect(right - statusWidth, top - 2, statusWidth, 22)
    .stroke();
  doc.fillColor(color).font('bold');
  cell(doc, sheet.status, right - statusWidth, top + 2, statusWidth, 'center', 13);
  doc.fillColor(ink).font('regular');
  cell(doc, sheet.confirmed, right - statusWidth - 20, top + 25, statusWidth + 20, 'right', 8);

  doc
    .lineWidth(0.8)
    .strokeColor(ink)
    .moveTo(left, top + 40)
    .lineTo(right, top + 40)
    .stroke();

  doc.font('bold');
  cell(doc, sheet.title, left, top + 48, right - left, 'left', 13);
  doc.font('regular');
  cell(
    doc,
    [sheet.category, sheet.round].filter(Boolean).join(' · '),
    left,
    top + 66,
    right - left,
    'left',
    10,
  );
  doc.fillColor(muted);
  cell(doc, sheet.format, left, top + 81, right - left, 'left', 8);
  doc.fillColor(ink);
}

function tableHead(doc: Doc, sheet: ResultsSheet, boxes: { x: number; width: number }[]): void {
  doc.rect(left - 3, tableTop, right - left + 6, headHeight).fill('#dcdcdc');
  doc.fillColor(ink).font('bold');
  sheet.columns.forEach((column, index) => {
    const box = boxes[index]!;
    cell(doc, column.label, box.x, tableTop + 4, box.width, column.align, 8.5);
  });
  doc
    .lineWidth(0.8)
    .strokeColor(ink)
    .moveTo(left - 3, tableTop + headHeight)
    .lineTo(right + 3, tableTop + headHeight)
    .stroke();
}

function tableRows(
  doc: Doc,
  sheet: ResultsSheet,
  boxes: { x: number; width: number }[],
  rows: readonly SheetRow[],
  first: number,
): number {
  let y = tableTop + headHeight;
  rows.forEach((row, index) => {
    if ((first + index) % 2 === 1) doc.rect(left - 3, y, right - left + 6, rowHeight).fill(stripe);
    doc.fillColor(row.muted ? muted : ink);
    row.cells.forEach((text, column) => {
      const box = boxes[column]!;
      const key = sheet.columns[column]!.key;
      doc.font(key === 'total' || key === 'rank' ? 'bold' : 'regular');
      cell(doc, text, box.x, y + 3.5, box.width, sheet.columns[column]!.align, 9.5);
    });
    y += rowHeight;
    if (sheet.qualificationLine !== null && first + index + 1 === sheet.qualificationLine) {
      doc
        .lineWidth(1.6)
        .strokeColor(ink)
        .moveTo(left - 3, y)
        .lineTo(right + 3, y)
        .stroke();
    }
  });
  doc
    .lineWidth(0.5)
    .strokeColor(rule)
    .moveTo(left - 3, y)
    .lineTo(right + 3, y)
    .stroke();
  return y;
}

function endBlock(doc: Doc, sheet: ResultsSheet, from: number): void {
  let y = from + 14;
  doc.fillColor(ink).font('bold');
  cell(doc, 'Legend', left, y, 100, 'left', 8);
  if (sheet.qualificationLine !== null) {
    doc.font('regular');
    cell(
      doc,
      `The line under rank ${sheet.qualificationLine} is the qualification line.`,
      left + 120,
      y,
      right - left - 120,
      'right',
      8,
    );
  }
  y += legendLine;
  doc.font('regular');
  for (const line of sheet.legend) {
    cell(doc, line, left, y, right - left, 'left', 8);
    y += legendLine;
  }
  y += 18;
  const width = 200;
  doc.lineWidth(0.6).strokeColor(ink);
  doc
    .moveTo(left, y + 30)
    .lineTo(left + width, y + 30)
    .stroke();
  doc
    .moveTo(right - width, y + 30)
    .lineTo(right, y + 30)
    .stroke();
  cell(doc, 'Referee (name)', left, y + 34, width, 'left', 8);
  cell(doc, 'Referee (signature)', right - width, y + 34, width, 'left', 8);
  doc.font('bold');
  cell(
    doc,
    sheet.official ? sheet.confirmed || 'OFFICIAL' : 'UNOFFICIAL RESULTS',
    left,
    y,
    right - left,
    'center',
    9,
  );
}

function footer(doc: Doc, sheet: ResultsSheet, page: number, pages: number): void {
  const y = pageHeight - 40;
  doc.lineWidth(0.5).strokeColor(rule).moveTo(left, y).lineTo(right, y).stroke();
  doc.fillColor(muted).font('regular');
  cell(doc, sheet.software, left, y + 6, 200, 'left', 8);
  // Wider spaces, so text extraction (pdftotext) keeps them: "1 / 2".
  cell(doc, `${page} / ${pages}`, right - 100, y + 6, 100, 'right', 8, 1.5);
  doc.fillColor(ink);
}

/** Lays out a results sheet model as a PDF. */
export function renderSheetPdf(sheet: ResultsSheet): Promise<Buffer> {
  const { doc, done } = openA4Pdf({
    title: sheet.documentTitle,
    meeting: sheet.meeting,
    software: sheet.software,
    created: sheet.confirmedAt ?? sheet.startedAt,
  });

  const boxes = columnBoxes(sheet);
  const pages = paginate(sheet.rows, endHeight(sheet));
  let first = 0;
  pages.forEach((rows, index) => {
    doc.addPage({ size: 'A4', layout: 'portrait', margin: 0 });
    header(doc, sheet);
    tableHead(doc, sheet, boxes);
    const bottom = tableRows(doc, sheet, boxes, rows, first);
    if (index === pages.length - 1) endBlock(doc, sheet, bottom);
    footer(doc, sheet, index + 1, pages.length);
    first += rows.length;
  });
  doc.end();
  return done;
}

/**
 * The results sheet of a race as PDF bytes. The start and the in-force confirmation come from
 * the race's state (RaceState.startedAt, confirmedAt); `journal`, the race's whole journal,
 * marks the times the loop ran from the start key.
 */
export function renderResultsPdf(input: ResultsPdfInput): Promise<Buffer> {
  return renderSheetPdf(resultsSheet(input));
}
