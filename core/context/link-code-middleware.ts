import type { ChannelName } from '../activity.ts';
import type { Middleware } from '../compose.ts';
import type { ChannelIdentity } from '../stores/identity-store.ts';
import type { TurnContext } from '../turn-context.ts';

/** What the middleware needs of the identity service. */
export interface LinkCodeRedeemer {
  extractCode(text: string): string | undefined;
  redeem(code: string, identity: ChannelIdentity): Promise<string | undefined>;
}

/** Options for {@link linkCodeMiddleware}. */
export interface LinkCodeMiddlewareOptions {
  identity: LinkCodeRedeemer;
  /** Channels whose users authenticate otherwise (the app's JWT) and never link by code. */
  skipChannels?: readonly ChannelName[];
  /** Longest message still read as "here is my code" rather than a sentence that happens to hold digits. */
  maxTextLength?: number;
}

/**
 * Links a messenger account to the shopper's app account: the app shows a one-time code, the shopper sends it
 * to the bot (or opens a deep link carrying it), and from this turn on the channel user is that shopper, with
 * their history. The turn answers the linking and ends there.
 */
export function linkCodeMiddleware(options: LinkCodeMiddlewareOptions): Middleware<TurnContext> {
  const skip = new Set(options.skipChannels ?? ['inapp', 'web']);
  const maxLength = options.maxTextLength ?? 60;
  const redeem = async (context: TurnContext, code: string): Promise<void> => {
    const { activity } = context;
    const shopperId = await options.identity.redeem(code, { channel: activity.channel, channelUserId: activity.user.channelUserId });
    if (!shopperId) {
      await context.reply(context.t('common:link.invalid'));
      return;
    }
    activity.user.shopperId = shopperId;
    await context.reply(context.t('common:link.done'));
  };
  // Not async: every other message (all in-app and web ones) passes straight on, without a frame of its own.
  return (context, next) => {
    const { activity } = context;
    if (activity.type !== 'message' || skip.has(activity.channel) || activity.text.length > maxLength) return next();
    const code = options.identity.extractCode(activity.text);
    return code ? redeem(context, code) : next();
  };
}
