import { TimeoutError, UnavailableError, ValidationError } from '../../core/errors.ts';
import type { Embedder } from '../../core/reco/embedding/embedder.ts';

/** Options of the OpenAI-compatible embeddings client (OpenAI, vLLM, Ollama's /v1, text-embeddings-inference). */
export interface OpenAIEmbedderOptions {
  /** The API root, e.g. `http://gpu-box:8000/v1`; `/embeddings` is appended. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** The vector size the model returns; every answer is checked against it. */
  dimensions: number;
  /** Send `dimensions` in the request (models that can shorten their output). Default false. */
  requestDimensions?: boolean;
  /** Texts per request. Default 64. */
  batchSize?: number;
  timeoutMs?: number;
  /** Retries of a failed batch (429 and 5xx, network errors). Default 2. */
  retries?: number;
  fetch?: typeof fetch;
}

interface EmbeddingsResponse {
  data?: { index?: number; embedding?: unknown }[];
}

/**
 * Embedder on an OpenAI-compatible `POST /embeddings` endpoint: batched requests, answers re-ordered by `index`,
 * dimensions checked, a timeout per request and retries with backoff on 429/5xx. Client errors (4xx) surface as
 * ValidationError, an unreachable or failing server as UnavailableError.
 */
export class OpenAIEmbedder implements Embedder {
  readonly name: string;
  readonly dimensions: number;
  private readonly url: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: OpenAIEmbedderOptions) {
    if (!options.baseUrl || !options.model) throw new ValidationError('embeddings need a base URL and a model');
    if (!Number.isInteger(options.dimensions) || options.dimensions <= 0) throw new ValidationError('dimensions must be a positive integer');
    this.name = `openai:${options.model}:${options.dimensions}`;
    this.dimensions = options.dimensions;
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/embeddings`;
    this.fetch = options.fetch ?? fetch;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    const size = this.options.batchSize ?? 64;
    for (let start = 0; start < texts.length; start += size) {
      // Empty strings are rejected by several servers; a single space embeds as "nothing" everywhere.
      const batch = texts.slice(start, start + size).map((text) => (text.trim() === '' ? ' ' : text));
      out.push(...await this.withRetries(() => this.request(batch)));
    }
    return out;
  }

  private async withRetries(run: () => Promise<Float32Array[]>): Promise<Float32Array[]> {
    const retries = this.options.retries ?? 2;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await run();
      } catch (error) {
        const retryable = error instanceof UnavailableError || error instanceof TimeoutError;
        if (!retryable || attempt >= retries) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  private async request(batch: string[]): Promise<Float32Array[]> {
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const body: Record<string, unknown> = { model: this.options.model, input: batch, encoding_format: 'float' };
    if (this.options.requestDimensions) body.dimensions = this.dimensions;
    let response: Response;
    try {
      response = await this.fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
        throw new TimeoutError('embeddings request', timeoutMs, { cause: error });
      }
      throw new UnavailableError(`embeddings endpoint ${this.url}`, { cause: error });
    }
    if (response.status === 429 || response.status >= 500) {
      throw new UnavailableError(`embeddings endpoint (HTTP ${response.status})`, { details: await safeText(response) });
    }
    if (!response.ok) {
      throw new ValidationError(`embeddings request rejected (HTTP ${response.status})`, { details: await safeText(response) });
    }
    const json = await response.json() as EmbeddingsResponse;
    return this.parse(json, batch.length);
  }

  private parse(json: EmbeddingsResponse, expected: number): Float32Array[] {
    const data = json.data;
    if (!Array.isArray(data) || data.length !== expected) {
      throw new UnavailableError(`embeddings endpoint (expected ${expected} embeddings, got ${Array.isArray(data) ? data.length : 'none'})`);
    }
    const ordered = [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return ordered.map((entry) => {
      const values = entry.embedding;
      if (!Array.isArray(values) || values.length !== this.dimensions || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        throw new UnavailableError(`embeddings endpoint (an embedding is not ${this.dimensions} finite numbers)`);
      }
      return Float32Array.from(values as number[]);
    });
  }
}

async function safeText(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, 500);
  } catch {
    return '';
  }
}
