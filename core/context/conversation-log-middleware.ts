import type { Middleware } from '../compose.ts';
import { redactPersonalData } from '../privacy/redact.ts';
import type { Reply } from '../reply.ts';
import type { ConversationLogStore, ConversationTurn } from '../stores/conversation-log-store.ts';
import type { TurnContext } from '../turn-context.ts';

/** Options for {@link conversationLogMiddleware}. */
export interface ConversationLogMiddlewareOptions {
  log: ConversationLogStore;
  /** Whether to keep this turn (for example only with the shopper's consent); default every identified shopper. */
  shouldLog?: (context: TurnContext) => boolean | Promise<boolean>;
  now?: () => Date;
}

/** How many distinct reply texts keep their redaction at hand. */
const REDACTED_REPLY_MEMO_SIZE = 512;
/** Longer texts are redacted afresh each time (rare, and not worth holding in memory). */
const MEMO_MAX_TEXT_LENGTH = 2048;

/**
 * Remembers the redaction of the assistant's reply texts: most are fixed phrases from the locales, the same on
 * every turn, and some (the capabilities list, with its "1000 ₽") are long and hold digits, which sends them
 * through every redaction pattern. Redaction is a pure function of the text, so a remembered one is exact.
 */
class RedactionMemo {
  readonly #texts = new Map<string, string>();

  redact(text: string): string {
    if (text.length > MEMO_MAX_TEXT_LENGTH) return redactPersonalData(text).text;
    const known = this.#texts.get(text);
    if (known !== undefined) return known;
    const redacted = redactPersonalData(text).text;
    if (this.#texts.size >= REDACTED_REPLY_MEMO_SIZE) this.#texts.delete(this.#texts.keys().next().value as string);
    this.#texts.set(text, redacted);
    return redacted;
  }
}

/** The loggable text of a reply; streamed text is not captured here (the channel consumes it). */
/** The current time as an ISO string, formatted once per millisecond (many turns end in the same one). */
class IsoClock {
  #ms = Number.NaN;
  #iso = '';

  now(): string {
    const ms = Date.now();
    if (ms !== this.#ms) {
      this.#ms = ms;
      this.#iso = new Date(ms).toISOString();
    }
    return this.#iso;
  }
}

function replyText(reply: Reply): string | undefined {
  if (reply.type === 'text') return reply.text;
  if (reply.type === 'cards') return [reply.text, ...reply.cards.map((card) => `• ${card.title} (${card.service}:${card.itemId})`)].filter(Boolean).join('\n');
  return undefined;
}

function shopperText(context: TurnContext): string | undefined {
  const activity = context.activity;
  if (activity.type === 'message') return activity.text;
  if (activity.type === 'action') return activity.text ?? `[${activity.payload}]`;
  return undefined;
}

/** Both sides of the finished turn, redacted; written out field by field, as this runs on every turn. */
function collectTurns(context: TurnContext, shopperId: string, at: string, memo: RedactionMemo): ConversationTurn[] {
  const { conversationId, channel } = context.activity;
  const turns: ConversationTurn[] = [];
  const said = shopperText(context);
  if (said) turns.push({ shopperId, conversationId, channel, role: 'user', text: redactPersonalData(said).text, at });
  for (const reply of context.replies) {
    const text = replyText(reply);
    if (text) turns.push({ shopperId, conversationId, channel, role: 'assistant', text: memo.redact(text), at });
  }
  return turns;
}

/**
 * Appends each turn of an identified shopper to the conversation log, redacted of phone numbers, e-mails, card
 * numbers and addresses. Runs after the turn; a failing log write is logged and never fails the turn.
 */
export function conversationLogMiddleware(options: ConversationLogMiddlewareOptions): Middleware<TurnContext> {
  const now = options.now;
  const clock = new IsoClock();
  const memo = new RedactionMemo();
  // In the middleware's own frame rather than a helper's: one async frame less on every identified turn.
  return async (context, next) => {
    try {
      await next();
    } finally {
      const shopperId = context.shopperId;
      if (shopperId) {
        try {
          if (!options.shouldLog || (await options.shouldLog(context))) {
            const turns = collectTurns(context, shopperId, now ? now().toISOString() : clock.now(), memo);
            if (turns.length > 0) await options.log.append(turns);
          }
        } catch (error) {
          context.logger.warn({ err: error }, 'conversation log write failed');
        }
      }
    }
  };
}
