import type { FastifyReply } from 'fastify';
import type { Reply } from '../../shared/protocol/reply.ts';

/** An error body: `{"ok":false,"error":"..."}` (the HTTP status carries the Reply's status). */
export const failure = (error: string) => ({ ok: false as const, error });

/** Sends a Reply over HTTP: its status as the HTTP status, the rest as the JSON body. */
export function sendReply(reply: FastifyReply, result: Reply): FastifyReply {
  if (result.ok) return reply.code(200).send(result);
  return reply.code(result.status).send(failure(result.error));
}

/** A client error with an HTTP status, for Fastify's error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}
