import type { ChannelName } from '../activity.ts';

/** One line of a conversation, kept for the shopper's own history and for quality review. */
export interface ConversationTurn {
  shopperId: string;
  conversationId: string;
  channel: ChannelName;
  role: 'user' | 'assistant';
  /** Already redacted of phone numbers, e-mails, card numbers and addresses. */
  text: string;
  /** ISO time. */
  at: string;
}

/** Options for listing a shopper's turns. */
export interface ConversationLogQuery {
  conversationId?: string;
  /** Inclusive lower bound on `at`. */
  since?: Date;
  /** The latest `limit` turns (default all). */
  limit?: number;
}

/**
 * The conversation log. Turns expire `retentionDays` after `at` (default 90): they are never returned after
 * that and are physically removed by `purgeExpired` (memory) or a TTL index (MongoDB).
 */
export interface ConversationLogStore {
  append(turns: readonly ConversationTurn[]): Promise<void>;
  /** Turns oldest first. */
  listByShopper(shopperId: string, query?: ConversationLogQuery): Promise<ConversationTurn[]>;
  deleteByShopper(shopperId: string): Promise<number>;
  /** Removes expired turns now; returns how many. */
  purgeExpired(): Promise<number>;
  close(): Promise<void>;
}

/** The default retention of conversation logs. */
export const DEFAULT_CONVERSATION_RETENTION_DAYS = 90;
