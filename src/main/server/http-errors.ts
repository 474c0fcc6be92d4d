import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbiddenFieldProblem } from '../../shared/unknown-fields.ts';
import { failure, HttpError } from './replies.ts';

/**
 * Why a JSON body was refused: JSON.parse's own words for bad JSON ("malformed JSON: ..."), or,
 * for good JSON with a forbidden key, the words every transport uses (issue 17):
 * `command.__proto__: forbidden field ...`.
 */
function refusedBody(body: string): string {
  if (body.trim().length === 0) return 'malformed JSON: the body is empty';
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return `malformed JSON: ${(error as Error).message}`;
  }
  return (
    forbiddenFieldProblem(value) ??
    'keys named "__proto__" or "constructor.prototype" are not accepted'
  );
}

/**
 * Bodies are JSON and nothing else: text/plain and forms get 415 (which also keeps simple
 * cross-site form posts out), and bad JSON gets 400 with JSON.parse's own words. Fastify's
 * parser is kept for its prototype-poisoning checks.
 */
export function registerJsonBodies(app: FastifyInstance): void {
  const secureParse = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void secureParse(request, body as string, (error: Error | null, value: unknown) => {
      if (error) done(new HttpError(400, refusedBody(body as string)), undefined);
      else done(null, value);
    });
  });
}

/** A clear reason for each Fastify error a client can cause. */
function clientReason(error: FastifyError, request: FastifyRequest, bodyLimit: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `request body too large: the limit is ${bodyLimit} bytes`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = request.headers['content-type'];
      return `unsupported content type ${type ? `"${type}"` : '(none)'}: send JSON with "Content-Type: application/json"`;
    }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'the body does not match its Content-Length';
    default:
      return error.message;
  }
}

/**
 * Every error is JSON `{ok: false, error}`: 4xx with the reason, 5xx as "internal error"
 * (logged; the details stay in the log). Unknown routes are 404 with the route named.
 */
export function registerErrorReplies(
  app: FastifyInstance,
  bodyLimit: number,
  log: (line: string) => void,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
        ? error.statusCode
        : 500;
    if (status >= 500) {
      log(
        `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]} failed: ${error.stack ?? error.message}`,
      );
      return reply.code(500).send(failure('internal error: see the host log'));
    }
    return reply.code(status).send(failure(clientReason(error, request, bodyLimit)));
  });
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!.slice(0, 200);
    return reply.code(404).send(failure(`no such route: ${request.method} ${path}`));
  };
  // Answer unknown routes before any body is read.
  app.addHook('onRequest', async (request, reply) =>
    request.is404 ? notFound(request, reply) : undefined,
  );
  app.setNotFoundHandler(notFound);
}

/** Errors Fastify raises before routing (a URL it cannot decode): JSON, without echoing the URL and its token. */
export function frameworkErrorReply(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'the URL is not valid: check its percent-encoding'
      : 'the request could not be routed';
  void reply
    .code(400)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-store')
    .send(failure(message));
}
