import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIEmbedder } from '../../../adapters/embeddings/openai-embedder.ts';
import { TimeoutError, UnavailableError, ValidationError } from '../../../core/errors.ts';
import { foldText } from '../../../core/reco/embedding/text-features.ts';
import { hashString } from '../../../core/reco/random.ts';
import { createRecommender } from '../../../core/reco/recommender/recommender.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';

const DIM = 16;

/** A bag-of-words "model": the same words give the same vector, so similarity is meaningful. */
function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(DIM).fill(0);
  for (const word of foldText(text).split(' ')) if (word) v[hashString(word) % DIM]! += 1;
  return v;
}

interface Seen { auth?: string; body: { model: string; input: string[]; dimensions?: number } }
let server: http.Server;
let base: string;
const seen: Seen[] = [];
let mode: 'ok' | 'fail-twice' | 'fail' | 'bad-request' | 'wrong-dims' | 'slow' = 'ok';
let failures = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => { raw += chunk; });
    req.on('end', () => {
      if (req.url !== '/v1/embeddings' || req.method !== 'POST') { res.writeHead(404).end(); return; }
      const body = JSON.parse(raw) as Seen['body'];
      seen.push({ auth: req.headers.authorization, body });
      const send = (status: number, value: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(value)); };
      if (mode === 'fail' || (mode === 'fail-twice' && failures < 2)) { failures += 1; return send(503, { error: { message: 'overloaded' } }); }
      if (mode === 'bad-request') return send(400, { error: { message: 'input too long' } });
      if (mode === 'slow') { setTimeout(() => send(200, { data: [] }), 500); return; }
      const data = body.input.map((text, index) => ({ object: 'embedding', index,
        embedding: mode === 'wrong-dims' ? [1, 2] : fakeEmbedding(text) }));
      send(200, { object: 'list', model: body.model, data: data.reverse(), usage: { prompt_tokens: 1, total_tokens: 1 } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const embedder = (extra: Partial<ConstructorParameters<typeof OpenAIEmbedder>[0]> = {}) =>
  new OpenAIEmbedder({ baseUrl: `${base}/`, model: 'bge-m3', apiKey: 'k1', dimensions: DIM, batchSize: 4, ...extra });

describe('OpenAIEmbedder', () => {
  it('batches requests, authenticates, and restores the input order', async () => {
    mode = 'ok'; seen.length = 0;
    const texts = Array.from({ length: 10 }, (_, i) => `товар номер ${i}`);
    const vectors = await embedder({ requestDimensions: true }).embed(texts);
    expect(seen.map((s) => s.body.input.length)).toEqual([4, 4, 2]);
    expect(seen.every((s) => s.auth === 'Bearer k1' && s.body.model === 'bge-m3' && s.body.dimensions === DIM)).toBe(true);
    vectors.forEach((vector, i) => expect(Array.from(vector)).toEqual(fakeEmbedding(texts[i]!)));
  });

  it('retries 5xx and then succeeds', async () => {
    mode = 'fail-twice'; failures = 0;
    expect(await embedder().embed(['молоко'])).toHaveLength(1);
    expect(failures).toBe(2);
  });

  it('maps failures to typed errors', async () => {
    mode = 'fail';
    await expect(embedder({ retries: 1 }).embed(['x'])).rejects.toBeInstanceOf(UnavailableError);
    mode = 'bad-request';
    await expect(embedder().embed(['x'])).rejects.toBeInstanceOf(ValidationError);
    mode = 'wrong-dims';
    await expect(embedder().embed(['x'])).rejects.toThrow(/16 finite numbers/);
    mode = 'slow';
    await expect(embedder({ timeoutMs: 50, retries: 0 }).embed(['x'])).rejects.toBeInstanceOf(TimeoutError);
    await expect(new OpenAIEmbedder({ baseUrl: 'http://127.0.0.1:1/v1', model: 'm', dimensions: 4, retries: 0 }).embed(['x']))
      .rejects.toBeInstanceOf(UnavailableError);
  });

  it('drives the recommender in production mode (remote dense vectors, local lexical postings)', async () => {
    mode = 'ok';
    const catalog = new MemoryCatalogStore();
    await catalog.upsertMany([
      { id: 'm1', service: 'samokat', title: { ru: 'Молоко Простоквашино 2,5%' }, category: 'Молочные продукты/Молоко', price: 89, currency: 'RUB', tags: ['vegetarian'] },
      { id: 'k1', service: 'samokat', title: { ru: 'Кефир Простоквашино 1%' }, category: 'Молочные продукты/Кефир', price: 79, currency: 'RUB' },
      { id: 'p1', service: 'megamarket', title: { ru: 'Смартфон Samsung Galaxy' }, category: 'Электроника/Смартфоны', price: 29990, currency: 'RUB' },
    ]);
    const recommender = createRecommender({ catalog, events: new MemoryEventStore(), embedder: embedder({ batchSize: 64 }) });
    const found = await recommender.search({ query: 'молока', limit: 2 });
    expect(found[0]!.item.id).toBe('m1');
    expect(found[0]!.explanation.reason).toMatchObject({ kind: 'query_match', facts: { matchedWords: ['молоко'] } });
  });
});
