import type { SessionStore } from '../stores/session-store.ts';
import type { ConsentStore } from '../stores/consent-store.ts';
import type { ConversationLogStore } from '../stores/conversation-log-store.ts';
import type { EventStore } from '../stores/event-store.ts';
import type { IdentityStore } from '../stores/identity-store.ts';
import type { ProfileStore } from '../stores/profile-store.ts';

/** Anything else holding shopper data (the vector index, caches...) registers one of these. */
export interface ErasureParticipant {
  name: string;
  /** Removes everything about the shopper; returns how many things were removed when it knows. */
  erase(shopperId: string): Promise<number | void>;
}

/** Options for {@link ErasureService}. */
export interface ErasureServiceOptions {
  profiles: ProfileStore;
  events: EventStore;
  identities: IdentityStore;
  conversationLog: ConversationLogStore;
  consent?: ConsentStore;
  /** Sessions keyed `<shopperId>/...` are removed by prefix. */
  sessions?: SessionStore;
  participants?: ErasureParticipant[];
}

/** What an erasure removed, per store. */
export interface ErasureReport {
  shopperId: string;
  /** Whether anything at all was known. */
  found: boolean;
  removed: Record<string, number>;
}

/**
 * Erases a shopper everywhere. Every store is attempted even when one fails; the first failure is rethrown
 * afterwards so the caller can retry (erasure is idempotent).
 */
export class ErasureService {
  readonly #steps: Array<[string, (shopperId: string) => Promise<number | void>]>;
  readonly #inProcess: ErasureParticipant[] = [];

  constructor(options: ErasureServiceOptions) {
    this.#steps = [
      ['profile', async (id) => ((await options.profiles.delete(id)) ? 1 : 0)],
      ['events', (id) => options.events.deleteByUser(id)],
      ['identities', (id) => options.identities.deleteByShopper(id)],
      ['conversationLog', (id) => options.conversationLog.deleteByShopper(id)],
    ];
    if (options.consent) this.#steps.push(['consent', (id) => options.consent!.deleteByShopper(id)]);
    if (options.sessions) this.#steps.push(['sessions', (id) => options.sessions!.deleteByPrefix(`${id}/`)]);
    for (const participant of options.participants ?? []) this.#steps.push([participant.name, (id) => participant.erase(id)]);
  }

  /**
   * Registers another participant (for components built after this service). By default it is taken for state
   * of this process (the recommender's statistics, caches), which {@link eraseInProcess} erases again when
   * another worker erased the shopper; `inProcess: false` for shared stores, which must be erased only once.
   */
  register(participant: ErasureParticipant, options: { inProcess?: boolean } = {}): void {
    this.#steps.push([participant.name, (id) => participant.erase(id)]);
    if (options.inProcess ?? true) this.#inProcess.push(participant);
  }

  async eraseShopper(shopperId: string): Promise<ErasureReport> {
    return this.#run(shopperId, this.#steps);
  }

  /**
   * Erases the shopper from this process's state only (participants registered in process), when another
   * worker erased them. Must never touch shared stores: replayed on restart, it would erase later data again.
   */
  async eraseInProcess(shopperId: string): Promise<ErasureReport> {
    return this.#run(shopperId, this.#inProcess.map((p) => [p.name, (id: string) => p.erase(id)] as const));
  }

  async #run(shopperId: string, steps: ReadonlyArray<readonly [string, (shopperId: string) => Promise<number | void>]>): Promise<ErasureReport> {
    const removed: Record<string, number> = {};
    const failures: unknown[] = [];
    await Promise.all(
      steps.map(async ([name, erase]) => {
        try {
          removed[name] = (await erase(shopperId)) ?? 0;
        } catch (error) {
          failures.push(error);
        }
      }),
    );
    if (failures.length > 0) throw failures[0];
    return { shopperId, found: Object.values(removed).some((n) => n > 0), removed };
  }
}
