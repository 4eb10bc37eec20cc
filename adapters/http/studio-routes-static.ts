import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../core/errors.ts';
import { loadStaticAssets, type StaticAsset } from '../channels/web/static-assets.ts';

/** The studio page may load only its own files and talk only to its own API; nobody may frame it. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

function serve(asset: StaticAsset, request: FastifyRequest, reply: FastifyReply) {
  void reply.headers({ ...SECURITY_HEADERS, etag: asset.etag, 'cache-control': 'no-cache' });
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  return reply.type(asset.contentType).send(asset.body);
}

/** `GET /studio` (the single page) and `GET /studio/assets/:file`, served from memory like the web widget. */
export function registerStudioStaticRoutes(app: FastifyInstance, options: { publicDir: string }): void {
  const assets = loadStaticAssets(options.publicDir);
  const page = (request: FastifyRequest, reply: FastifyReply) => {
    const index = assets.get('index.html');
    if (!index) throw new NotFoundError('file', 'index.html');
    return serve(index, request, reply);
  };
  app.get('/studio', page);
  app.get('/studio/', page);
  app.get('/studio/assets/:file', (request, reply) => {
    const { file } = request.params as { file: string };
    const asset = file === 'index.html' ? undefined : assets.get(file);
    if (!asset) throw new NotFoundError('file', file.slice(0, 100));
    return serve(asset, request, reply);
  });
}
