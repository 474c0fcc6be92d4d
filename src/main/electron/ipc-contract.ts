// What main accepts on each renderer-to-main channel: which window roles may use it and how the
// payload is validated (zod). Requests themselves are validated by the WebSocket's own parser
// (host/session.ts, one parse in shared/protocol/socket.ts), so IPC and WebSocket clients get the same
// answers.
import { z } from 'zod';
import { ipcChannels, type OutputsRequest, type WindowRole } from '../../shared/protocol/ipc.ts';
import { describeFirstIssue } from '../../shared/validation.ts';

/** Renderer-to-main channels and the roles that may use them. */
export const channelRoles = {
  [ipcChannels.subscribe]: ['console', 'board', 'overlay'],
  [ipcChannels.unsubscribe]: ['console', 'board', 'overlay'],
  [ipcChannels.request]: ['console', 'board', 'overlay'],
  [ipcChannels.heartbeat]: ['board', 'overlay'],
  [ipcChannels.outputs]: ['console'],
} as const satisfies Record<string, readonly WindowRole[]>;

/** A renderer-to-main channel. */
export type RendererChannel = keyof typeof channelRoles;

/** Largest request accepted, as JSON (the WebSocket's limit, server/http-api.ts). */
export const maxRequestBytes = 64 * 1024;

const raceRef = z.string().min(1).max(64);

/** `subscribe`: which race to follow (null: the active one). */
export const subscribePayloadSchema = z.strictObject({
  race: raceRef.nullable().default(null),
  /** Push the race's journal with each state (the console). */
  journal: z.boolean().default(false),
});

const outputTarget = z.union([
  z.strictObject({ displayId: z.number().int() }),
  z.literal('window'),
  z.literal('open'),
  z.literal('closed'),
]);

/** `outputs`: the console's display requests. */
export const outputsRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('list') }),
  z.strictObject({
    action: z.literal('place'),
    output: z.enum(['board', 'overlay']),
    target: outputTarget,
  }),
  z.strictObject({ action: z.literal('identify') }),
  z.strictObject({ action: z.literal('testPattern'), visible: z.boolean() }),
]) satisfies z.ZodType<OutputsRequest>;

/** Parsed or refused. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function parseWith<T>(schema: z.ZodType<T>, value: unknown): Parsed<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: describeFirstIssue(result.error, 'payload') };
}

/** Validates a `subscribe` payload. */
export const parseSubscribe = (value: unknown): Parsed<{ race: string | null; journal: boolean }> =>
  parseWith(subscribePayloadSchema, value);

/** Validates an `outputs` request. */
export const parseOutputsRequest = (value: unknown): Parsed<OutputsRequest> =>
  parseWith(outputsRequestSchema, value);

/** Refuses a request larger than the WebSocket would take (the rest is checked by its parser). */
export function checkRequestSize(value: unknown): Parsed<unknown> {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return { ok: false, error: 'the request is not plain JSON data' };
  }
  if (text === undefined) return { ok: false, error: 'expected a JSON object with a "type"' };
  if (Buffer.byteLength(text) > maxRequestBytes)
    return { ok: false, error: `the request is larger than ${maxRequestBytes} bytes` };
  return { ok: true, value };
}
