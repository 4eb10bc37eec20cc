/** Options for {@link PollLoop}. */
export interface PollLoopOptions {
  /** Done once before the first step, retried until it succeeds or the loop stops (e.g. creating a consumer group). */
  prepare?: () => Promise<void>;
  /** One read; the loop calls it again as soon as it returns (a blocking read paces the loop). */
  step: () => Promise<unknown>;
  /** Told about every failure; the loop pauses and tries again rather than ending. */
  onError: (error: unknown, phase: 'prepare' | 'step') => void;
  /** The pause after a failed step (default 500 ms). */
  retryMs?: number;
  /** The pause after a failed `prepare` (default 1 s). */
  prepareRetryMs?: number;
}

/**
 * The background read loop of the Redis stream readers: start, stop after the current read, and keep going while
 * Redis is down (a worker must not die because its connection blinked).
 */
export class PollLoop {
  readonly #options: PollLoopOptions;
  #running: Promise<void> | undefined;
  #stopping = false;

  constructor(options: PollLoopOptions) {
    this.#options = options;
  }

  /** Whether a stop was asked for (long steps check it between their own reads). */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** Starts the loop in the background; a second call while it runs does nothing. */
  start(): void {
    if (this.#running) return;
    this.#stopping = false;
    this.#running = this.#run();
  }

  /** Stops after the current read. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#running;
    this.#running = undefined;
  }

  async #run(): Promise<void> {
    const { prepare, step, onError } = this.#options;
    while (prepare && !this.#stopping) {
      try {
        await prepare();
        break;
      } catch (error) {
        onError(error, 'prepare');
        await pause(this.#options.prepareRetryMs ?? 1_000);
      }
    }
    while (!this.#stopping) {
      try {
        await step();
      } catch (error) {
        onError(error, 'step');
        await pause(this.#options.retryMs ?? 500);
      }
    }
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
