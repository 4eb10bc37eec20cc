import { randomUUID } from 'node:crypto';
import type { ActionActivity, Activity, ActivityUser } from '../../../core/activity.ts';
import type { ShopperClaims } from '../../http/shopper-tokens.ts';
import type { InappMessage } from './inapp-message.ts';

/** The first language tag of an `Accept-Language` header (the app's or browser's language). */
export function primaryLanguage(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const tag = header.split(',')[0]?.split(';')[0]?.trim();
  return tag && tag.length <= 35 ? tag : undefined;
}

/** Normalizes a validated message of an authenticated shopper into an Activity. */
export function toActivity(message: InappMessage, claims: ShopperClaims, acceptLanguage?: string): Activity {
  const user: ActivityUser = { channelUserId: claims.shopperId, shopperId: claims.shopperId };
  const channelLanguage = primaryLanguage(acceptLanguage);
  if (channelLanguage) user.channelLanguage = channelLanguage;
  const id = randomUUID();
  const conversationId = message.conversationId ?? randomUUID();
  const timestamp = new Date();
  const activity: Activity = message.action
    ? { id, type: 'action', channel: claims.channel, conversationId, user, timestamp, payload: message.action.payload }
    : { id, type: 'message', channel: claims.channel, conversationId, user, timestamp, text: message.text ?? '' };
  if (message.action && message.text) (activity as ActionActivity).text = message.text;
  if (message.locale) activity.locale = message.locale;
  return activity;
}
