import type { Logger } from '../../core/logger.ts';

/**
 * Work a webhook starts after it has answered (Slack wants an answer within three seconds, whatever the
 * turn takes). Failures are logged, never thrown; `idle()` lets shutdown and tests wait for the work.
 */
export class BackgroundWork {
  readonly #running = new Set<Promise<void>>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** How many tasks are running. */
  get size(): number {
    return this.#running.size;
  }

  /** Starts `task` without waiting for it. */
  run(name: string, task: () => Promise<unknown>): void {
    const promise: Promise<void> = Promise.resolve()
      .then(task)
      .then(
        () => {},
        (error: unknown) => this.#logger.error({ task: name, err: error }, 'background task failed'),
      )
      .finally(() => this.#running.delete(promise));
    this.#running.add(promise);
  }

  /** Resolves once every task started so far (and any they started) has finished. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }
}
