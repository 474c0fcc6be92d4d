// The part of Papa Parse the start-list import uses. @types/papaparse starts with
// `/// <reference types="node" />`, which would put Node's globals into src/shared (no Node
// globals there: docs/architecture.md, "Layers, one direction"), so src/shared imports the
// library's own file under this name and these few typings instead.
declare module 'papaparse/papaparse.js' {
  /** A problem Papa Parse met in one row (unclosed or misplaced quotes, ...). */
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }

  /** One row handed to `step`: its fields and the offset just past it. */
  export interface ParseStepResult {
    data: string[];
    errors: ParseError[];
    meta: { delimiter: string; linebreak: string; cursor: number };
  }

  /** Options the start-list import passes. */
  export interface ParseConfig {
    delimiter?: string;
    step?: (results: ParseStepResult) => void;
  }

  /** Papa Parse's entry point; with `step` it reports each row in order, synchronously for text. */
  const Papa: { parse(input: string, config: ParseConfig): void };
  export default Papa;
}
