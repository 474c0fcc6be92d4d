import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tokenRole, type ApiTokens, type TokenRole } from '../host/tokens.ts';
import { failure } from './replies.ts';

/** Who may call a route: anyone, a view token (read, subscribe) or the control token. */
export type Access = 'public' | 'view' | 'control';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The role of the token presented; set by the auth hook on guarded routes. */
    tokenRole: TokenRole | null;
  }
}

/** Route options that guard a route. */
export const access = (level: Access) => ({ config: { access: level } });

/**
 * The presented token: `Authorization: Bearer <token>`, or `?token=` for browsers and OBS,
 * which cannot set headers on a WebSocket. The header wins when both are present.
 */
function presentedToken(request: FastifyRequest): { token: string } | { problem: string } {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer +(\S+) *$/i.exec(header);
    return match
      ? { token: match[1]! }
      : { problem: 'the Authorization header must be "Bearer <token>"' };
  }
  const query = (request.query as Record<string, unknown> | undefined)?.token;
  if (typeof query === 'string' && query.length > 0) return { token: query };
  if (query !== undefined) return { problem: 'give the token once, as ?token=<token>' };
  return { problem: 'missing token: send "Authorization: Bearer <token>" or add ?token=<token>' };
}

/**
 * Checks the token on every guarded route before the body is read (so an unauthenticated
 * client cannot make the server parse anything): 401 without a known token, 403 when a view
 * token asks to write. Also runs before a WebSocket upgrade, which it refuses the same way.
 */
export function registerAuth(app: FastifyInstance, tokens: ApiTokens): void {
  app.decorateRequest('tokenRole', null);
  app.addHook('onRequest', async (request, reply) => {
    const level = request.routeOptions.config?.access;
    if (level === undefined || level === 'public') return;
    const presented = presentedToken(request);
    if ('problem' in presented) return reply.code(401).send(failure(presented.problem));
    const role = tokenRole(tokens, presented.token);
    if (role === null) return reply.code(401).send(failure('unknown token'));
    if (level === 'control' && role !== 'control') {
      return reply
        .code(403)
        .send(
          failure(
            'the view token may only read and subscribe: use the control token to send commands',
          ),
        );
    }
    request.tokenRole = role;
  });
}
