import { SovetnikError } from '../errors.ts';

/** Options for {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit (default 3). */
  failureThreshold?: number;
  /** How long the circuit stays open before one trial call is let through, in ms (default 30 s). */
  resetAfterMs?: number;
  now?: () => number;
}

/** The state of a breaker: closed (calls flow), open (calls refused), half-open (one trial call). */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Raised instead of calling a dependency whose circuit is open. */
export class CircuitOpenError extends SovetnikError {
  constructor(what: string, readonly retryInMs: number) {
    super('circuit_open', `${what} circuit is open; retry in ${retryInMs} ms`);
  }
}

/**
 * Stops calling a dependency that keeps failing, so a dead LLM costs shoppers nothing but the fallback,
 * and lets one trial call through after a pause to detect recovery.
 */
export class CircuitBreaker {
  readonly #threshold: number;
  readonly #resetAfterMs: number;
  readonly #now: () => number;
  #failures = 0;
  #openedAt: number | undefined;
  #trialInFlight = false;

  constructor(readonly what: string, options: CircuitBreakerOptions = {}) {
    this.#threshold = options.failureThreshold ?? 3;
    this.#resetAfterMs = options.resetAfterMs ?? 30_000;
    this.#now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.#openedAt === undefined) return 'closed';
    return this.#now() - this.#openedAt >= this.#resetAfterMs ? 'half-open' : 'open';
  }

  /** Throws CircuitOpenError when calls are not allowed now; otherwise reserves the call. */
  acquire(): void {
    const state = this.state;
    if (state === 'closed') return;
    if (state === 'half-open' && !this.#trialInFlight) {
      this.#trialInFlight = true;
      return;
    }
    const retryIn = Math.max(0, this.#resetAfterMs - (this.#now() - (this.#openedAt ?? 0)));
    throw new CircuitOpenError(this.what, retryIn);
  }

  success(): void {
    this.#failures = 0;
    this.#openedAt = undefined;
    this.#trialInFlight = false;
  }

  failure(): void {
    this.#trialInFlight = false;
    this.#failures += 1;
    if (this.#failures >= this.#threshold || this.#openedAt !== undefined) this.#openedAt = this.#now();
  }
}
