import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { IngestionService } from '../../core/context/ingestion-service.ts';
import { createApiKeyHook } from './api-key.ts';
import { parseWith } from './validation.ts';

/** Options for {@link registerEventsRoutes}. */
export interface EventsRoutesOptions {
  ingestion: IngestionService;
  apiKey: string;
  /** The largest body in bytes (default 32 MiB; a full batch of 10,000 events is a few MiB). */
  bodyLimit?: number;
}

const envelopeSchema = z.strictObject({ events: z.array(z.unknown()) });

/**
 * `POST /api/v1/events` `{"events": [...]}` -> 202 `{"accepted", "duplicates", "rejected": [{"index", "error"}]}`.
 * Bad events are rejected alone; a batch over the limit is a 413.
 */
export function registerEventsRoutes(app: FastifyInstance, options: EventsRoutesOptions): void {
  app.post('/api/v1/events', { onRequest: createApiKeyHook({ apiKey: options.apiKey }), bodyLimit: options.bodyLimit ?? 32 * 1024 * 1024 }, async (request, reply) => {
    const { events } = parseWith(envelopeSchema, request.body);
    const result = await options.ingestion.ingest(events);
    return reply.code(202).send(result);
  });
}
