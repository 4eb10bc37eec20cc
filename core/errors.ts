/** Every error code Sovetnik raises. HTTP adapters map them to statuses; nothing else should switch on messages. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'concurrency_conflict'
  | 'rate_limited'
  | 'consent_required'
  | 'timeout'
  | 'unavailable'
  | 'circuit_open'
  | 'llm_failed'
  | 'config_invalid'
  | 'turn_ended'
  | 'internal';

/** Options shared by every Sovetnik error. */
export interface SovetnikErrorOptions {
  cause?: unknown;
  /** Extra, safe-to-show detail (for example which field failed validation). */
  details?: unknown;
}

/** The base class of every error Sovetnik throws on purpose. */
export class SovetnikError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options: SovetnikErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details;
  }
}

/** Input that a client sent and that does not fit the contract. */
export class ValidationError extends SovetnikError {
  constructor(message: string, options: SovetnikErrorOptions = {}) {
    super('validation_failed', message, options);
  }
}

/** Missing or wrong credentials. */
export class UnauthorizedError extends SovetnikError {
  constructor(message = 'Authentication required', options: SovetnikErrorOptions = {}) {
    super('unauthorized', message, options);
  }
}

/** Authenticated but not allowed. */
export class ForbiddenError extends SovetnikError {
  constructor(message = 'Not allowed', options: SovetnikErrorOptions = {}) {
    super('forbidden', message, options);
  }
}

/** A named thing does not exist. */
export class NotFoundError extends SovetnikError {
  constructor(
    readonly resource: string,
    readonly id: string,
    options: SovetnikErrorOptions = {},
  ) {
    super('not_found', `${resource} '${id}' not found`, options);
  }
}

/** An optimistic write lost a race: someone else wrote the same key first. */
export class ConcurrencyError extends SovetnikError {
  constructor(
    readonly key: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super('concurrency_conflict', `version conflict on '${key}': expected ${expectedVersion}, found ${actualVersion}`);
  }
}

/** The request conflicts with the current state (for example publishing when there is nothing to publish). */
export class ConflictError extends SovetnikError {
  constructor(message: string, options: SovetnikErrorOptions = {}) {
    super('conflict', message, options);
  }
}

/** Too many requests for one shopper or client. */
export class RateLimitError extends SovetnikError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `rate limit exceeded; retry in ${retryAfterSeconds} s`);
  }
}

/** A dependency (LLM, store) took too long. */
export class TimeoutError extends SovetnikError {
  constructor(what: string, readonly timeoutMs: number, options: SovetnikErrorOptions = {}) {
    super('timeout', `${what} timed out after ${timeoutMs} ms`, options);
  }
}

/** A dependency is down or refusing work. */
export class UnavailableError extends SovetnikError {
  constructor(what: string, options: SovetnikErrorOptions = {}) {
    super('unavailable', `${what} is unavailable`, options);
  }
}

/** Configuration that cannot be used; raised once at start-up. */
export class ConfigError extends SovetnikError {
  constructor(message: string, options: SovetnikErrorOptions = {}) {
    super('config_invalid', message, options);
  }
}

/** Normalizes anything thrown into a SovetnikError, keeping the original as the cause. */
export function toSovetnikError(error: unknown): SovetnikError {
  if (error instanceof SovetnikError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SovetnikError('internal', message, { cause: error });
}
