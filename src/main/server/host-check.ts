import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HostNames } from './host-names.ts';
import { failure } from './replies.ts';

/** A header value as it may be echoed in an error: short, one line. */
const shown = (value: string) => JSON.stringify(value.slice(0, 100));

/** The name in a Host or Origin header, for the hint (`--allowed-host NAME`). */
const nameIn = (value: string) =>
  value
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/:\d*$/, '')
    .slice(0, 100);

/**
 * Refuses, before anything else runs (no route, token check or body), a request whose Host is
 * not one of the host's names (421 Misdirected Request: a DNS rebinding page, or a name the
 * operator has not allowed), and a WebSocket upgrade from another site's page (403, before the
 * upgrade). `/public/` is not checked: it sits behind nginx or a CDN that passes on the public
 * site's name (resources/deploy/nginx.conf: `proxy_set_header Host $host`), and it is public
 * and read-only: a rebinding page gains nothing there that the site does not show anyone.
 */
export function registerHostCheck(
  app: FastifyInstance,
  names: HostNames,
  address: () => string,
): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const { host, origin } = request.headers;
    if (!names.allowsHost(host) && !request.routeOptions.url?.startsWith('/public/')) {
      const name = nameIn(host ?? '');
      const allow = name ? `, or allow the name with \`serve --allowed-host ${name}\`` : '';
      return reply
        .code(421)
        .send(
          failure(
            `this host does not answer to the name ${shown(host ?? '')}: open it at ${address()}${allow}`,
          ),
        );
    }
    if (request.ws && !names.allowsOrigin(origin)) {
      const allow = /^https?:\/\//i.test(origin ?? '')
        ? `, or allow that site's name with \`serve --allowed-host ${nameIn(origin!)}\``
        : '';
      return reply
        .code(403)
        .send(
          failure(
            `a WebSocket from a page of another site is refused (Origin ${shown(origin ?? '')}): open the page from this host${allow}`,
          ),
        );
    }
  });
}
