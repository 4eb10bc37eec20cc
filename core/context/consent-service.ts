import type { ConsentPurpose, ConsentStore } from '../stores/consent-store.ts';

/** Options for {@link ConsentService}. */
export interface ConsentServiceOptions {
  store: ConsentStore;
  /** What an undecided purpose means (default: personalization granted, analytics not). */
  defaults?: Partial<Record<ConsentPurpose, boolean>>;
  now?: () => Date;
}

/** Records consent decisions and answers "may we use this shopper's data for X?". */
export class ConsentService {
  readonly #store: ConsentStore;
  readonly #defaults: Record<ConsentPurpose, boolean>;
  readonly #now: () => Date;

  constructor(options: ConsentServiceOptions) {
    this.#store = options.store;
    this.#defaults = { personalization: true, analytics: false, ...options.defaults };
    this.#now = options.now ?? (() => new Date());
  }

  async grant(shopperId: string, purpose: ConsentPurpose, source?: string): Promise<void> {
    await this.#store.record({ shopperId, purpose, granted: true, at: this.#now().toISOString(), ...(source ? { source } : {}) });
  }

  async revoke(shopperId: string, purpose: ConsentPurpose, source?: string): Promise<void> {
    await this.#store.record({ shopperId, purpose, granted: false, at: this.#now().toISOString(), ...(source ? { source } : {}) });
  }

  /** The latest decision, or the default when the shopper never decided. */
  async isGranted(shopperId: string, purpose: ConsentPurpose): Promise<boolean> {
    const decision = (await this.#store.current(shopperId))[purpose];
    return decision ? decision.granted : this.#defaults[purpose];
  }
}
