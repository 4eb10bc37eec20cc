import type { ErrorCode } from '../../core/errors.ts';

/** The DESIGN.md error body: every JSON error response has exactly this shape. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** The HTTP status each error code maps to; client faults are 4xx, server faults 5xx. */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  concurrency_conflict: 409,
  rate_limited: 429,
  consent_required: 403,
  timeout: 504,
  unavailable: 503,
  circuit_open: 503,
  llm_failed: 502,
  config_invalid: 500,
  turn_ended: 500,
  internal: 500,
};

/** The status for an error code (500 for anything unknown). */
export function statusForCode(code: string): number {
  return (STATUS_BY_CODE as Record<string, number>)[code] ?? 500;
}

/** The error code that best describes a bare HTTP status, for errors raised by the framework itself. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 413: return 'payload_too_large';
    case 415: return 'unsupported_media_type';
    case 429: return 'rate_limited';
    default: return status >= 500 ? 'internal' : 'bad_request';
  }
}

/** Builds the error body. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
