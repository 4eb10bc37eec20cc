import type { Activity } from '../activity.ts';
import type { Middleware } from '../compose.ts';
import { ValidationError } from '../errors.ts';
import type { TurnContext } from '../turn-context.ts';
import type { RateLimitDecision, RateLimitStore } from './rate-limit-store.ts';
import { setTurnOutcome } from './turn-outcome.ts';

/** Options for {@link rateLimitMiddleware}. */
export interface RateLimitMiddlewareOptions {
  store: RateLimitStore;
  /** Messages allowed per window (default 50, DESIGN's `RATE_LIMIT_PER_MINUTE`). */
  limit?: number;
  /** The sliding window (default one minute). */
  windowMs?: number;
  /** Who is limited (default the shopper, else the channel user when anonymous). */
  key?: (activity: Activity) => string;
  /** The i18n key of the polite notice; gets `{ seconds }` (default `errors:rate_limited`). */
  messageKey?: string;
}

/** The default subject of the limit: the shopper across channels, else the channel's user. */
export function rateLimitKey(activity: Activity): string {
  const { shopperId, channelUserId } = activity.user;
  return shopperId ? `shopper:${shopperId}` : `user:${activity.channel}:${channelUserId}`;
}

/**
 * A per-shopper sliding-window limit on messages and button presses (typing and membership updates
 * are not counted). Over the limit the handler does not run and the shopper gets a polite notice with
 * the seconds to wait — never silence. It runs before identity resolution, so a flood never reaches
 * the identity store; shoppers known from the channel (in-app JWT) are limited across channels.
 */
export function rateLimitMiddleware(options: RateLimitMiddlewareOptions): Middleware<TurnContext> {
  const rule = { limit: options.limit ?? 50, windowMs: options.windowMs ?? 60_000 };
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new ValidationError(`rate limit must be a positive integer, got ${rule.limit}`);
  if (!(rule.windowMs > 0)) throw new ValidationError(`rate limit window must be positive, got ${rule.windowMs}`);
  const key = options.key ?? rateLimitKey;
  const messageKey = options.messageKey ?? 'errors:rate_limited';
  const refuse = async (context: TurnContext, decision: RateLimitDecision): Promise<void> => {
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    context.logger.info({ count: decision.count, seconds }, 'rate limited');
    setTurnOutcome(context, { kind: 'rate_limited', retryAfterSeconds: seconds });
    await context.reply(context.t(messageKey, { seconds }));
  };
  // A reaction on the store's answer rather than an async frame with two awaits: this runs for every message,
  // and each await costs allocations.
  const limit = (context: TurnContext, next: () => Promise<void>): Promise<void> =>
    options.store.hit(key(context.activity), rule).then((decision) => (decision.allowed ? next() : refuse(context, decision)));
  return (context, next) => {
    const { type } = context.activity;
    return type === 'message' || type === 'action' ? limit(context, next) : next();
  };
}
