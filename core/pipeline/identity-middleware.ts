import type { ChannelName } from '../activity.ts';
import type { Middleware } from '../compose.ts';
import type { TurnContext } from '../turn-context.ts';

/** Options for {@link identityMiddleware}. */
export interface IdentityMiddlewareOptions {
  /**
   * The shopper id linked to a channel user, or undefined for an anonymous user. Plugged in by the
   * composition root (for example from the identity store); it may also create a link on first contact.
   */
  resolveShopper(channel: ChannelName, channelUserId: string): Promise<string | undefined>;
}

/**
 * Resolves the shopper behind a channel user and sets `activity.user.shopperId`, which
 * `context.shopperId` reads. A shopper id the channel already authenticated (the in-app JWT's `sub`)
 * is kept as is and not looked up.
 */
export function identityMiddleware(options: IdentityMiddlewareOptions): Middleware<TurnContext> {
  const resolve = async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    const { user, channel } = context.activity;
    const shopperId = await options.resolveShopper(channel, user.channelUserId);
    // TurnContext reads the shopper from the activity, so the resolved id is written there.
    if (shopperId) user.shopperId = shopperId;
    await next();
  };
  // A known shopper (every in-app and web turn) passes straight on, without an async frame of its own.
  return (context, next) => (context.activity.user.shopperId ? next() : resolve(context, next));
}
