import type { FastifyInstance } from 'fastify';
import type { ApiTokens } from '../host/tokens.ts';
import type { HostSession } from '../host/session.ts';
import { parseHostRequest } from '../../shared/protocol/socket.ts';
import { access } from './auth.ts';
import { failure, sendReply } from './replies.ts';

/**
 * Two laptops, main and standby (issue 20): GET /api/v1/host (role, epoch, peer, how far behind,
 * last heard), POST /api/v1/host/standby {"primary","token"} (run as the standby of a primary),
 * POST /api/v1/host/takeover {"force"?}, POST /api/v1/host/rejoin, and GET /api/v1/host/tokens
 * (control): the standby takes the primary's tokens, so every URL works on both.
 */
export function registerHostRoutes(
  app: FastifyInstance,
  session: HostSession,
  tokens: ApiTokens,
): void {
  const control = { role: 'control', source: 'http' } as const;
  app.get('/api/v1/host', access('view'), async (_request, reply) => {
    const standby = session.standbyControl;
    return standby ? standby.view() : reply.code(404).send(failure('no standby control here'));
  });

  app.get('/api/v1/host/tokens', access('control'), () => ({ ...tokens }));

  const action =
    (name: 'follow' | 'takeover' | 'rejoin') =>
    async (request: { body: unknown }, reply: Parameters<typeof sendReply>[0]) => {
      const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
      const parsed = parseHostRequest({ ...body, type: 'host', action: name });
      if (!parsed.ok) return reply.code(400).send(failure(parsed.error));
      const answer = await session.answer(parsed.request, control);
      if (answer.kind !== 'reply') return reply.code(500).send(failure('no reply'));
      return sendReply(reply, answer.reply);
    };
  app.post('/api/v1/host/standby', access('control'), action('follow'));
  app.post('/api/v1/host/takeover', access('control'), action('takeover'));
  app.post('/api/v1/host/rejoin', access('control'), action('rejoin'));
}
