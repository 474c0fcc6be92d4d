// Stands in for Node's `stream` in the browser bundle: papaparse names it only on its Node code
// path (streaming a Node readable), which the console never takes.
export {};
