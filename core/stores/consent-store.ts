/** Why data is used. Without `personalization` the assistant answers without the shopper's history. */
export type ConsentPurpose = 'personalization' | 'analytics';

/** Every purpose, for validation and iteration. */
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = ['personalization', 'analytics'];

/** One consent decision. */
export interface ConsentRecord {
  shopperId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  /** ISO time of the decision. */
  at: string;
  /** Where it was given: a channel name, "app", "api"... */
  source?: string;
}

/** The latest decision per purpose; a missing purpose was never decided. */
export type ConsentState = Partial<Record<ConsentPurpose, ConsentRecord>>;

/** Consent decisions with their full history. */
export interface ConsentStore {
  record(decision: ConsentRecord): Promise<void>;
  /** The decision with the latest `at` per purpose (ties: the one recorded last). */
  current(shopperId: string): Promise<ConsentState>;
  /** Every decision, oldest first. */
  history(shopperId: string): Promise<ConsentRecord[]>;
  deleteByShopper(shopperId: string): Promise<number>;
  close(): Promise<void>;
}
