/** Where JSON.parse stopped, as a 1-based line and column. */
export type JsonErrorPlace = { line: number; column: number };

/**
 * Where a JSON.parse error is, from V8's message: "(line 3 column 5)", "at position 42", the
 * end of the input, or the context it quotes ('Unexpected token ']', ..."  },\n]"'); null when
 * the message does not say.
 */
export function jsonErrorPlace(body: string, message: string): JsonErrorPlace | null {
  const given = /\(line (\d+) column (\d+)\)/.exec(message);
  if (given) return { line: Number(given[1]), column: Number(given[2]) };
  const position = /at position (\d+)/.exec(message);
  if (position) return placeOf(body, Number(position[1]));
  if (message.includes('Unexpected end of JSON input')) return placeOf(body, body.trimEnd().length);
  // In a longer text V8 quotes the ten characters before the unexpected token, then the rest.
  const quoted = /^Unexpected token '(.)', \.\.\."([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(
    message,
  );
  if (quoted === null) return null;
  const [, token = '', context = ''] = quoted;
  const at = body.indexOf(context) + 10;
  return at >= 10 && body.startsWith(token, at) ? placeOf(body, at) : null;
}

/** 1-based line and column of a character offset. */
function placeOf(body: string, offset: number): JsonErrorPlace {
  const before = body.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
