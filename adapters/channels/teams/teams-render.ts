import type { CardsReply, ProductCard, QuickReply, SerializableReply } from '../../../core/reply.ts';
import { formatPrice, serviceLabel } from '../../http/reply-text.ts';

/** A Bot Framework activity the bot sends (without its addressing, which the replier adds). */
export type TeamsOutgoing = Record<string, unknown>;

/** The content type of a Hero card attachment. */
export const HERO_CARD = 'application/vnd.microsoft.card.hero';
/** Teams shows at most this many cards in a carousel. */
const MAX_CARDS = 10;
/** Teams shows at most a few buttons per Hero card and a handful of suggested actions. */
const MAX_CARD_BUTTONS = 6;
const MAX_SUGGESTED = 10;

/**
 * A button that sends our payload back without showing it: `messageBack` posts the title in the chat
 * (`displayText`) and delivers `value.payload` to the bot, which the adapter reads as an action.
 */
export function messageBack(reply: QuickReply): Record<string, unknown> {
  return { type: 'messageBack', title: reply.title, text: reply.title, displayText: reply.title, value: { payload: reply.payload } };
}

function suggested(replies: readonly QuickReply[] | undefined, recipientId: string): Record<string, unknown> {
  if (!replies || replies.length === 0) return {};
  return { suggestedActions: { to: [recipientId], actions: replies.slice(0, MAX_SUGGESTED).map(messageBack) } };
}

function heroCard(card: ProductCard, n: number): Record<string, unknown> {
  const content: Record<string, unknown> = {
    title: `${n}. ${card.title}`,
    subtitle: `${formatPrice(card.price, card.currency)} · ${serviceLabel(card.service)}`,
    ...(card.reason ? { text: card.reason } : {}),
    ...(card.imageUrl ? { images: [{ url: card.imageUrl, alt: card.title }] } : {}),
    buttons: (card.actions ?? []).slice(0, MAX_CARD_BUTTONS).map(messageBack),
  };
  return { contentType: HERO_CARD, content };
}

function cardsActivity(reply: CardsReply, recipientId: string): TeamsOutgoing {
  return {
    type: 'message',
    ...(reply.text ? { text: reply.text, textFormat: 'plain' } : {}),
    attachmentLayout: 'carousel',
    attachments: reply.cards.slice(0, MAX_CARDS).map((card, i) => heroCard(card, i + 1)),
    ...suggested(reply.quickReplies, recipientId),
  };
}

/**
 * Renders a settled reply as a Bot Framework message activity: plain text with suggested actions for
 * quick replies; cards as a carousel of Hero cards (title, price and service, reason, picture, buttons).
 * A typing reply is a `typing` activity. `recipientId` is the person the suggested actions are for.
 */
export function renderTeams(reply: SerializableReply, recipientId: string): TeamsOutgoing | undefined {
  if (reply.type === 'typing') return { type: 'typing' };
  if (reply.type === 'cards' && reply.cards.length > 0) return cardsActivity(reply, recipientId);
  const text = reply.text ?? '';
  const extra = suggested(reply.quickReplies, recipientId);
  if (!text.trim() && !('suggestedActions' in extra)) return undefined;
  return { type: 'message', text, textFormat: 'plain', ...extra };
}
