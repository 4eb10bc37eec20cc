import { randomUUID } from 'node:crypto';
import type { Activity } from '../../../core/activity.ts';
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
  const channelLanguage = primaryLanguage(acceptLanguage);
  const base = {
    id: randomUUID(),
    channel: claims.channel,
    conversationId: message.conversationId ?? randomUUID(),
    user: {
      channelUserId: claims.shopperId,
      shopperId: claims.shopperId,
      ...(channelLanguage ? { channelLanguage } : {}),
    },
    ...(message.locale ? { locale: message.locale } : {}),
    timestamp: new Date(),
  };
  if (message.action) {
    return { ...base, type: 'action', payload: message.action.payload, ...(message.text ? { text: message.text } : {}) };
  }
  return { ...base, type: 'message', text: message.text ?? '' };
}
