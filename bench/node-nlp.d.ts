// node-nlp ships no types; the benchmark narrows the one class it uses.
declare module 'node-nlp' {
  export const NlpManager: unknown;
}
