import type { ShopEvent } from '../events/shop-event.ts';

/**
 * Where accepted events go to be applied to profiles: directly in process on the embedded default, or a
 * Redis Stream with a consumer group in production. `publish` resolves once the events are durable
 * (in process: once applied).
 */
export interface EventQueue {
  publish(events: readonly ShopEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** Applies events straight away in this process. */
export class InProcessEventQueue implements EventQueue {
  readonly #apply: (events: readonly ShopEvent[]) => Promise<unknown>;

  constructor(options: { apply: (events: readonly ShopEvent[]) => Promise<unknown> }) {
    this.#apply = options.apply;
  }

  async publish(events: readonly ShopEvent[]): Promise<void> {
    await this.#apply(events);
  }

  async close(): Promise<void> {}
}
