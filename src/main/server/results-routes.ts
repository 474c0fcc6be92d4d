/**
 * Results out over HTTP (issue 11; README "Results out"), view token: a race's official results
 * sheet (PDF), its results as CSV and JSON, its race sheet, and the whole meeting as a zip, each
 * a download under a file name. What they send is made in src/main/results-out.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseDelimiter, type CsvDelimiter } from '../../shared/export/csv.ts';
import { safeFileStem } from '../../shared/export/meeting.ts';
import type { HostSession } from '../host/session.ts';
import { hostMeetingRecord, hostRaceRecord } from '../results-out/host-records.ts';
import { meetingFacts } from '../results-out/meeting-facts.ts';
import { meetingZip } from '../results-out/meeting-export.ts';
import {
  raceCsv,
  raceDownloadNames,
  raceResultsJson,
  raceSheetJson,
} from '../results-out/race-export.ts';
import { raceResultsPdf, resultsPdfFileName } from '../results-out/race-pdf.ts';
import { raceReportPdf, reportFileName } from '../results-out/race-report.ts';
import { access } from './auth.ts';
import { failure } from './replies.ts';

type RaceFile = { Params: { id: string }; Querystring: { delimiter?: unknown } };
type ResultsPdfRequest = { Params: { id: string }; Querystring: { venue?: unknown } };

/** `attachment; filename="..."` (the names are ASCII: race ids and slugs). */
const attachment = (name: string) => `attachment; filename="${name}"`;

/** `?delimiter=` (comma by default); null when it is not one delimiter we know. */
function queryDelimiter(given: unknown): CsvDelimiter | null {
  if (given === undefined) return ',';
  return typeof given === 'string' ? parseDelimiter(given) : null;
}

const badDelimiter = (reply: FastifyReply) =>
  reply
    .code(400)
    .send(failure('delimiter: give "comma" or "semicolon" (for example ?delimiter=semicolon)'));

/**
 * Registers GET /api/v1/races/:id/results.pdf|report.pdf|results.csv|results.json|sheet.json and
 * /api/v1/meeting/export.zip. An unknown race is 404.
 */
export function registerResultsRoutes(app: FastifyInstance, session: HostSession): void {
  const { host } = session;
  const unknownRace = (reply: FastifyReply, id: string) =>
    reply.code(404).send(failure(`race "${id.slice(0, 100)}" is not in the program`));

  // The official results sheet as an A4 PDF; `?venue=` prints another venue than the meeting's.
  app.get<ResultsPdfRequest>(
    '/api/v1/races/:id/results.pdf',
    access('view'),
    async (request, reply) => {
      const { id } = request.params;
      const { venue } = request.query;
      if (venue !== undefined && typeof venue !== 'string')
        return reply.code(400).send(failure('venue: give one venue'));
      if (typeof venue === 'string' && venue.length > 200)
        return reply.code(400).send(failure('venue: at most 200 characters'));
      const pdf = await raceResultsPdf(host, id, venue ? { venue } : {});
      if (!pdf) return unknownRace(reply, id);
      return reply
        .code(200)
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachment(resultsPdfFileName(id)))
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  // The race report (issue 21): timeline, corrections and lap chart from the journal and passings.
  app.get<RaceFile>('/api/v1/races/:id/report.pdf', access('view'), async (request, reply) => {
    const { id } = request.params;
    const pdf = await raceReportPdf(host, id);
    if (!pdf) return unknownRace(reply, id);
    return reply
      .code(200)
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachment(reportFileName(id)))
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.get<RaceFile>('/api/v1/races/:id/results.csv', access('view'), async (request, reply) => {
    const race = hostRaceRecord(host, request.params.id);
    if (!race) return unknownRace(reply, request.params.id);
    const delimiter = queryDelimiter(request.query.delimiter);
    if (delimiter === null) return badDelimiter(reply);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', attachment(raceDownloadNames(race).csv))
      .send(raceCsv(race, delimiter));
  });

  app.get<RaceFile>('/api/v1/races/:id/results.json', access('view'), async (request, reply) => {
    const race = hostRaceRecord(host, request.params.id);
    if (!race) return unknownRace(reply, request.params.id);
    return reply
      .type('application/json; charset=utf-8')
      .header('Content-Disposition', attachment(raceDownloadNames(race).json))
      .send(raceResultsJson(meetingFacts(host.program()), race));
  });

  app.get<RaceFile>('/api/v1/races/:id/sheet.json', access('view'), async (request, reply) => {
    const race = hostRaceRecord(host, request.params.id);
    if (!race) return unknownRace(reply, request.params.id);
    return reply
      .type('application/json; charset=utf-8')
      .header('Content-Disposition', attachment(raceDownloadNames(race).sheet))
      .send(raceSheetJson(race));
  });

  app.get<RaceFile>('/api/v1/meeting/export.zip', access('view'), async (request, reply) => {
    const delimiter = queryDelimiter(request.query.delimiter);
    if (delimiter === null) return badDelimiter(reply);
    const record = hostMeetingRecord(host);
    const zip = await meetingZip(record, { delimiter });
    const name = safeFileStem(record.meeting.name, 'meeting');
    return reply
      .type('application/zip')
      .header('Content-Disposition', attachment(`${name}.zip`))
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });
}
