import type { SuggestionFeedback } from './types.ts';

/** Where suggestion feedback is kept (in memory by default; any store with these three calls works). */
export interface FeedbackStore {
  add(feedback: Required<SuggestionFeedback>): Promise<void>;
  /** A shopper's feedback, oldest first. */
  listByShopper(shopperId: string): Promise<Required<SuggestionFeedback>[]>;
  /** Erasure: returns how many entries were removed. */
  deleteByShopper(shopperId: string): Promise<number>;
}

/** The in-memory FeedbackStore, bounded per shopper. */
export class MemoryFeedbackStore implements FeedbackStore {
  private readonly byShopper = new Map<string, Required<SuggestionFeedback>[]>();

  constructor(private readonly perShopperLimit = 500) {}

  async add(feedback: Required<SuggestionFeedback>): Promise<void> {
    const list = this.byShopper.get(feedback.shopperId) ?? [];
    list.push({ ...feedback });
    if (list.length > this.perShopperLimit) list.splice(0, list.length - this.perShopperLimit);
    this.byShopper.set(feedback.shopperId, list);
  }

  async listByShopper(shopperId: string): Promise<Required<SuggestionFeedback>[]> {
    return (this.byShopper.get(shopperId) ?? []).map((entry) => ({ ...entry }));
  }

  async deleteByShopper(shopperId: string): Promise<number> {
    const count = this.byShopper.get(shopperId)?.length ?? 0;
    this.byShopper.delete(shopperId);
    return count;
  }
}
