/**
 * Turns texts into dense vectors whose cosine similarity reflects meaning. The embedded default is trained on
 * the catalog (TfidfEmbedder); production uses an OpenAI-compatible endpoint (adapters/embeddings).
 */
export interface Embedder {
  /** A stable name for logs and for checking that stored vectors came from the same model. */
  readonly name: string;
  readonly dimensions: number;
  /** One vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
