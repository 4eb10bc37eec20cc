import type { Activity, ChannelName } from '../activity.ts';
import type { Middleware } from '../compose.ts';
import type { TurnContext } from '../turn-context.ts';
import type { DedupStore } from './dedup-store.ts';
import { setTurnOutcome } from './turn-outcome.ts';

/** Options for {@link dedupMiddleware}. */
export interface DedupMiddlewareOptions {
  store: DedupStore;
  /** How long an activity id is remembered (default one hour; channels retry for minutes, not hours). */
  ttlMs?: number;
  /** The identity of a delivery (default `<channel>:<activity id>`, e.g. Telegram's update_id). */
  key?: (activity: Activity) => string;
  /**
   * Forget the id when the turn fails, so the channel's redelivery is handled rather than dropped
   * (default true).
   */
  releaseOnError?: boolean;
  /**
   * Channels whose activity ids the server mints itself for each request (the in-app API, the web widget): no
   * channel redelivers them, so remembering them only costs memory (default none).
   */
  skipChannels?: readonly ChannelName[];
}

const defaultKey = (activity: Activity): string => `${activity.channel}:${activity.id}`;

/**
 * Drops an activity whose id was already seen within the window: the duplicate yields no replies
 * and its outcome is `duplicate`. Runs first, so a duplicate costs one store round trip and nothing else.
 */
export function dedupMiddleware(options: DedupMiddlewareOptions): Middleware<TurnContext> {
  const ttlMs = options.ttlMs ?? 3_600_000;
  const key = options.key ?? defaultKey;
  const releaseOnError = options.releaseOnError ?? true;
  const skip = new Set(options.skipChannels ?? []);
  const claimOnce = async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    const id = key(context.activity);
    if (!(await options.store.claim(id, ttlMs))) {
      context.logger.debug({ activityId: context.activity.id }, 'duplicate activity dropped');
      setTurnOutcome(context, { kind: 'duplicate' });
      return;
    }
    try {
      await next();
    } catch (error) {
      if (releaseOnError) await options.store.release(id).catch(() => {});
      throw error;
    }
  };
  // Skipped channels pass straight on, without an async frame of their own (every in-app and web turn).
  return (context, next) => (skip.has(context.activity.channel) ? next() : claimOnce(context, next));
}
