import type { ConsentRecord, ConsentState, ConsentStore } from './consent-store.ts';

/** Picks the latest decision per purpose from a history in recording order. */
export function currentConsent(history: readonly ConsentRecord[]): ConsentState {
  const state: ConsentState = {};
  for (const decision of history) {
    const previous = state[decision.purpose];
    if (!previous || Date.parse(decision.at) >= Date.parse(previous.at)) state[decision.purpose] = { ...decision };
  }
  return state;
}

/** The embedded-default consent store: an append-only history per shopper. */
export class MemoryConsentStore implements ConsentStore {
  readonly #history = new Map<string, ConsentRecord[]>();

  async record(decision: ConsentRecord): Promise<void> {
    let list = this.#history.get(decision.shopperId);
    if (!list) this.#history.set(decision.shopperId, (list = []));
    list.push({ ...decision });
  }

  async current(shopperId: string): Promise<ConsentState> {
    return currentConsent(this.#history.get(shopperId) ?? []);
  }

  async history(shopperId: string): Promise<ConsentRecord[]> {
    const list = (this.#history.get(shopperId) ?? []).map((decision, index) => ({ decision, index }));
    list.sort((a, b) => Date.parse(a.decision.at) - Date.parse(b.decision.at) || a.index - b.index);
    return list.map(({ decision }) => ({ ...decision }));
  }

  async deleteByShopper(shopperId: string): Promise<number> {
    const removed = this.#history.get(shopperId)?.length ?? 0;
    this.#history.delete(shopperId);
    return removed;
  }

  async close(): Promise<void> {}
}
