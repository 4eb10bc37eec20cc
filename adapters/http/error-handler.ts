import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SovetnikError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { codeForStatus, errorBody, statusForCode } from './error-response.ts';

/** Options for {@link registerErrorHandling}. */
export interface ErrorHandlingOptions {
  /** Called for every error answered with a status >= 400, for metrics. */
  onError?: (code: string, status: number) => void;
}

interface Answer {
  status: number;
  code: string;
  message: string;
}

/** Why a framework error happened, in words a client developer understands. */
function frameworkMessage(error: FastifyError, status: number): string {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return 'unsupported content type: send application/json';
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'request body is too large';
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return `malformed JSON body: ${error.message}`;
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'empty body: send a JSON object';
  return status >= 500 ? 'internal error' : error.message;
}

/** Classifies anything thrown in a route into a status, a code and a safe message. */
export function answerFor(error: unknown): Answer {
  if (error instanceof SovetnikError) {
    const status = statusForCode(error.code);
    return { status, code: error.code, message: status >= 500 ? 'internal error' : error.message };
  }
  const fastifyError = error as FastifyError;
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    return { status, code: codeForStatus(status), message: frameworkMessage(fastifyError, status) };
  }
  return { status: 500, code: 'internal', message: 'internal error' };
}

/**
 * Installs the one error handler of the server: SovetnikError codes map to statuses, framework errors
 * (malformed JSON, wrong content type, body too large) to 4xx, unknown routes to a 404, always with the
 * DESIGN.md error JSON. Only a bug of ours answers 5xx, and its details go to the log, not the client.
 */
export function registerErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions = {}): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const answer = answerFor(error);
    const log = request.log as unknown as Logger;
    if (answer.status >= 500) log.error({ err: error }, 'request failed');
    else log.debug({ code: answer.code, message: answer.message }, 'request rejected');
    options.onError?.(answer.code, answer.status);
    if (answer.code === 'rate_limited' && error instanceof SovetnikError) {
      const retry = (error as SovetnikError & { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retry !== undefined) void reply.header('retry-after', String(Math.ceil(retry)));
    }
    return reply.code(answer.status).type('application/json; charset=utf-8').send(errorBody(answer.code, answer.message));
  });
  app.setNotFoundHandler((request, reply) => {
    options.onError?.('not_found', 404);
    const path = request.url.split('?')[0] ?? '';
    return reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send(errorBody('not_found', `no route ${request.method} ${path.slice(0, 200)}`));
  });
}
