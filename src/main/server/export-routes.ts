/**
 * The export routes (issue 11), view token: a race's results as CSV and JSON, its race sheet,
 * and the whole meeting as a zip, each offered as a download under a file name.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseDelimiter, type CsvDelimiter } from '../../shared/export/csv.ts';
import { safeFileStem } from '../../shared/export/meeting.ts';
import type { HostSession } from '../host/session.ts';
import { hostMeetingRecord, hostRaceRecord, meetingZip } from '../export/meeting-export.ts';
import {
  raceCsv,
  raceDownloadNames,
  raceResultsJson,
  raceSheetJson,
} from '../export/race-export.ts';
import { access } from './auth.ts';
import { failure } from './replies.ts';

type RaceFile = { Params: { id: string }; Querystring: { delimiter?: unknown } };

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

/** Registers GET /api/v1/races/:id/results.csv|results.json|sheet.json and /api/v1/meeting/export.zip. */
export function registerExportRoutes(app: FastifyInstance, session: HostSession): void {
  const { host } = session;
  const unknownRace = (reply: FastifyReply, id: string) =>
    reply.code(404).send(failure(`race "${id.slice(0, 100)}" is not in the program`));

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
      .send(raceResultsJson(host.program().meeting, race));
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
    return reply
      .type('application/zip')
      .header('Content-Disposition', attachment(`${safeFileStem(record.meeting, 'meeting')}.zip`))
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });
}
