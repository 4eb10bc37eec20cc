import type { Reply } from '../reply.ts';
import type { ConversationState, HistoryEntry } from './dialog.ts';

/** Default number of history entries kept: 60 exchanges of a user message and a bot answer. */
export const DEFAULT_HISTORY_LIMIT = 120;

/** The longest text kept per history entry: enough to refer back to, small enough to load every turn. */
export const HISTORY_TEXT_LIMIT = 280;

/** Appends an entry and drops the oldest ones beyond `limit`, so state stays small however long we talk. */
export function remember(state: ConversationState, entry: HistoryEntry, limit = DEFAULT_HISTORY_LIMIT): void {
  state.history.push(entry.text.length > HISTORY_TEXT_LIMIT ? { ...entry, text: entry.text.slice(0, HISTORY_TEXT_LIMIT) } : entry);
  if (state.history.length > limit) state.history.splice(0, state.history.length - limit);
}

/** The text a reply shows, for the history: cards become their titles. */
export function replyText(reply: Reply): string {
  if (reply.type === 'text') return reply.text;
  if (reply.type === 'cards') return [reply.text, ...reply.cards.map((c) => c.title)].filter(Boolean).join('; ');
  return '';
}

/** The user's messages, most recent first. */
export function userMessages(history: readonly HistoryEntry[]): HistoryEntry[] {
  return history.filter((h) => h.role === 'user').reverse();
}
