// One A4 document as the results sheet and the race report open it (issue 21 made the second):
// the bundled fonts, the document's facts, the bytes collected as pdfkit writes them.
import PDFDocument from 'pdfkit';
import { sheetFonts } from './fonts.ts';

/** What the document says of itself (its info dictionary). */
export interface PdfFacts {
  readonly title: string;
  readonly meeting: string;
  readonly software: string;
  /** The race's confirmation (or start) as ISO: the same input gives the same bytes. */
  readonly created: string | null;
  /** pdfkit keeps every page until the end (a "page / pages" footer drawn last). */
  readonly bufferPages?: boolean;
}

/** An A4 portrait document with the fonts `regular` and `bold`, and its bytes once ended. */
export function openA4Pdf(facts: PdfFacts): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const { created, software } = facts;
  const creationDate =
    created && !Number.isNaN(Date.parse(created)) ? new Date(created) : new Date(0);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margin: 0,
    autoFirstPage: false,
    ...(facts.bufferPages ? { bufferPages: true } : {}),
    // No default font: pdfkit then never loads its Helvetica AFM data (the sheet's fonts follow).
    font: '',
    info: {
      Title: facts.title,
      Subject: facts.meeting,
      Author: software,
      Creator: software,
      Producer: software,
      CreationDate: creationDate,
    },
  });
  const fonts = sheetFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
