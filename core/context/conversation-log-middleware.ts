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

/** The loggable text of a reply; streamed text is not captured here (the channel consumes it). */
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

/**
 * Appends each turn of an identified shopper to the conversation log, redacted of phone numbers, e-mails, card
 * numbers and addresses. Runs after the turn; a failing log write is logged and never fails the turn.
 */
export function conversationLogMiddleware(options: ConversationLogMiddlewareOptions): Middleware<TurnContext> {
  const now = options.now ?? (() => new Date());
  return async (context, next) => {
    try {
      await next();
    } finally {
      const shopperId = context.shopperId;
      if (shopperId) {
        try {
          if (!options.shouldLog || (await options.shouldLog(context))) {
            const base = { shopperId, conversationId: context.activity.conversationId, channel: context.activity.channel, at: now().toISOString() };
            const turns: ConversationTurn[] = [];
            const said = shopperText(context);
            if (said) turns.push({ ...base, role: 'user', text: redactPersonalData(said).text });
            for (const reply of context.replies) {
              const text = replyText(reply);
              if (text) turns.push({ ...base, role: 'assistant', text: redactPersonalData(text).text });
            }
            if (turns.length > 0) await options.log.append(turns);
          }
        } catch (error) {
          context.logger.warn({ err: error }, 'conversation log write failed');
        }
      }
    }
  };
}
