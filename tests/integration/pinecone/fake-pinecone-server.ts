// A local Pinecone data plane speaking the wire protocol of @pinecone-database/pinecone 8.2.0
// (db_data VectorOperationsApi: camelCase JSON, Api-Key and X-Pinecone-Api-Version headers).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface StoredVector { id: string; values: number[]; metadata?: Record<string, unknown> }

/** One request as the server saw it (for assertions on batching and namespaces). */
export interface SeenRequest { method: string; path: string; namespace?: string; count?: number; headers: http.IncomingHttpHeaders }

type Condition = Record<string, unknown>;

function fieldMatches(value: unknown, condition: unknown): boolean {
  const ops = condition !== null && typeof condition === 'object' && !Array.isArray(condition)
    ? condition as Record<string, unknown> : { $eq: condition };
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return Object.entries(ops).every(([op, arg]) => {
    switch (op) {
      case '$eq': return list.includes(arg);
      case '$ne': return !list.includes(arg);
      case '$in': return (arg as unknown[]).some((a) => list.includes(a));
      case '$nin': return !(arg as unknown[]).some((a) => list.includes(a));
      case '$gt': return typeof value === 'number' && value > (arg as number);
      case '$gte': return typeof value === 'number' && value >= (arg as number);
      case '$lt': return typeof value === 'number' && value < (arg as number);
      case '$lte': return typeof value === 'number' && value <= (arg as number);
      case '$exists': return (value !== undefined) === arg;
      default: throw new Error(`unsupported filter operator ${op}`);
    }
  });
}

/** Pinecone's metadata filter semantics over one record. */
export function pineconeFilterMatches(metadata: Record<string, unknown> = {}, filter: Condition | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and') return (condition as Condition[]).every((c) => pineconeFilterMatches(metadata, c));
    if (key === '$or') return (condition as Condition[]).some((c) => pineconeFilterMatches(metadata, c));
    return fieldMatches(metadata[key], condition);
  });
}

function cosine(a: number[], b: number[]): number {
  let dot = 0; let na = 0; let nb = 0;
  for (let i = 0; i < a.length; i += 1) { dot += a[i]! * b[i]!; na += a[i]! ** 2; nb += b[i]! ** 2; }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Starts the fake data plane; `host` goes to `pc.index({ host })`. */
export async function startFakePinecone(options: { dimension: number; apiKey?: string }) {
  const namespaces = new Map<string, Map<string, StoredVector>>();
  const seen: SeenRequest[] = [];
  const ns = (name: string | undefined) => {
    const key = name ?? '';
    let space = namespaces.get(key);
    if (!space) { space = new Map(); namespaces.set(key, space); }
    return space;
  };
  const fail = (res: http.ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: status === 400 ? 3 : 16, message, details: [] }));
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (options.apiKey && req.headers['api-key'] !== options.apiKey) return fail(res, 401, 'Invalid API Key');
      if (!req.headers['x-pinecone-api-version']) return fail(res, 400, 'missing X-Pinecone-Api-Version');
      const json = body ? JSON.parse(body) as Record<string, unknown> : {};
      const reply = (value: unknown) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(value)); };
      const namespace = (json.namespace as string | undefined) ?? url.searchParams.get('namespace') ?? undefined;
      const entry: SeenRequest = { method: req.method ?? '', path: url.pathname, namespace, headers: req.headers };
      seen.push(entry);
      if (req.method === 'POST' && url.pathname === '/vectors/upsert') {
        const vectors = json.vectors as StoredVector[];
        entry.count = vectors.length;
        for (const v of vectors) {
          if (v.values.length !== options.dimension) {
            return fail(res, 400, `Vector dimension ${v.values.length} does not match the dimension of the index ${options.dimension}`);
          }
        }
        for (const v of vectors) ns(namespace).set(v.id, { id: v.id, values: v.values, metadata: v.metadata });
        return reply({ upsertedCount: vectors.length });
      }
      if (req.method === 'POST' && url.pathname === '/query') {
        const vector = json.vector as number[];
        if (vector.length !== options.dimension) return fail(res, 400, `Query vector dimension ${vector.length} does not match the dimension of the index ${options.dimension}`);
        const matches = [...ns(namespace).values()]
          .filter((v) => pineconeFilterMatches(v.metadata, json.filter as Condition | undefined))
          .map((v) => ({ id: v.id, score: cosine(vector, v.values),
            ...(json.includeValues ? { values: v.values } : {}), ...(json.includeMetadata ? { metadata: v.metadata } : {}) }))
          .sort((a, b) => b.score - a.score)
          .slice(0, json.topK as number);
        return reply({ matches, namespace: namespace ?? '', usage: { readUnits: 1 } });
      }
      if (req.method === 'POST' && url.pathname === '/vectors/delete') {
        const space = ns(namespace);
        if (json.deleteAll) space.clear();
        for (const id of (json.ids as string[] | undefined) ?? []) space.delete(id);
        if (json.filter) for (const [id, v] of [...space]) if (pineconeFilterMatches(v.metadata, json.filter as Condition)) space.delete(id);
        return reply({});
      }
      if (req.method === 'GET' && url.pathname === '/vectors/fetch') {
        const vectors: Record<string, StoredVector> = {};
        for (const id of url.searchParams.getAll('ids')) { const v = ns(namespace).get(id); if (v) vectors[id] = v; }
        return reply({ vectors, namespace: namespace ?? '', usage: { readUnits: 1 } });
      }
      if (req.method === 'POST' && url.pathname === '/describe_index_stats') {
        const summary = Object.fromEntries([...namespaces].filter(([, space]) => space.size > 0)
          .map(([name, space]) => [name, { vectorCount: space.size }]));
        const total = [...namespaces.values()].reduce((sum, space) => sum + space.size, 0);
        return reply({ namespaces: summary, dimension: options.dimension, indexFullness: 0, totalVectorCount: total, metric: 'cosine', vectorType: 'dense' });
      }
      return fail(res, 404, `no route ${req.method} ${url.pathname}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    seen,
    namespaces,
    reset: () => { namespaces.clear(); seen.length = 0; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
