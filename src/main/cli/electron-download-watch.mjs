// Loaded into electron's install.js (`node --import`) by electron-download.ts. It only watches:
// it reports each request @electron/get makes, the size it is told, and a network error's cause,
// which install.js drops (it prints `err.stack`, and fetch's "fetch failed" keeps the cause,
// e.g. connect ECONNREFUSED, apart). One line each on stderr, marked for the parent.
import { subscribe } from 'node:diagnostics_channel';

const report = (event) => process.stderr.write(`massstart-download ${JSON.stringify(event)}\n`);
const urlOf = (request) => `${request.origin}${request.path}`;

subscribe('undici:request:create', ({ request }) => report({ request: urlOf(request) }));

subscribe('undici:request:headers', ({ request, response }) => {
  // Header names and values alternate, as buffers.
  const headers = response.headers.map(String);
  const index = headers.findIndex((name, at) => at % 2 === 0 && /^content-length$/i.test(name));
  const size = index >= 0 ? Number(headers[index + 1]) : null;
  report({ response: urlOf(request), status: response.statusCode, size });
});

subscribe('undici:request:error', ({ request, error }) =>
  report({ error: urlOf(request), message: String(error?.message ?? error) }),
);
