import type { CardsReply, ProductCard, QuickReply, SerializableReply } from '../../../core/reply.ts';
import { cardPrice, serviceLabel } from '../../http/reply-text.ts';

/** A Bot Framework activity the bot sends (without its addressing, which the replier adds). */
export type TeamsOutgoing = Record<string, unknown>;

/** The content type of a Hero card attachment. */
export const HERO_CARD = 'application/vnd.microsoft.card.hero';
/** Teams shows at most this many cards in a carousel. */
const MAX_CARDS = 10;
/** Teams shows at most six buttons on a Hero card. */
const MAX_CARD_BUTTONS = 6;
/** Bot Framework channels display only the first three suggested actions and silently hide the rest. */
const MAX_SUGGESTED = 3;
/** The Bot Framework `channelId` of Microsoft Teams. */
const TEAMS_CHANNEL = 'msteams';

/**
 * A button that sends our payload back without showing it: `messageBack` posts the title in the chat
 * (`displayText`) and delivers `value.payload` to the bot, which the adapter reads as an action.
 */
export function messageBack(reply: QuickReply): Record<string, unknown> {
  return { type: 'messageBack', title: reply.title, text: reply.title, displayText: reply.title, value: { payload: reply.payload } };
}

/** Where a reply's quick replies go: suggested actions, or (too many for those) a card of buttons. */
interface QuickReplyParts {
  suggestedActions?: { to: string[]; actions: Record<string, unknown>[] };
  card?: Record<string, unknown>;
}

/** Who a reply is for and on which Bot Framework channel (`msteams`, `webchat`, `emulator`, ...). */
export interface TeamsAudience {
  recipientId: string;
  channelId?: string;
}

/**
 * Where quick replies go. Teams' suggested actions take only `imBack` (which would post our payload as the
 * shopper's own words) and show three at most, so in Teams they are the `messageBack` buttons of a Hero card, which
 * Teams supports on cards. Other Bot Framework channels (Web Chat, Direct Line) show `messageBack` suggested actions,
 * up to three; more become a card there too.
 */
function quickReplyParts(replies: readonly QuickReply[] | undefined, audience: TeamsAudience): QuickReplyParts {
  if (!replies || replies.length === 0) return {};
  if (audience.channelId !== TEAMS_CHANNEL && replies.length <= MAX_SUGGESTED) {
    return { suggestedActions: { to: [audience.recipientId], actions: replies.map(messageBack) } };
  }
  return { card: { contentType: HERO_CARD, content: { buttons: replies.slice(0, MAX_CARD_BUTTONS).map(messageBack) } } };
}

function heroCard(card: ProductCard, n: number): Record<string, unknown> {
  const content: Record<string, unknown> = {
    title: `${n}. ${card.title}`,
    subtitle: `${cardPrice(card)} · ${serviceLabel(card.service)}`,
    ...(card.reason ? { text: card.reason } : {}),
    ...(card.imageUrl ? { images: [{ url: card.imageUrl, alt: card.title }] } : {}),
    buttons: (card.actions ?? []).slice(0, MAX_CARD_BUTTONS).map(messageBack),
  };
  return { contentType: HERO_CARD, content };
}

function cardsActivity(reply: CardsReply, audience: TeamsAudience): TeamsOutgoing {
  const { suggestedActions, card } = quickReplyParts(reply.quickReplies, audience);
  const products = reply.cards.slice(0, card ? MAX_CARDS - 1 : MAX_CARDS).map((c, i) => heroCard(c, i + 1));
  return {
    type: 'message',
    ...(reply.text ? { text: reply.text, textFormat: 'plain' } : {}),
    attachmentLayout: 'carousel',
    attachments: card ? [...products, card] : products,
    ...(suggestedActions ? { suggestedActions } : {}),
  };
}

/**
 * Renders a settled reply as a Bot Framework message activity: plain text with its quick replies (a Hero card of
 * buttons in Teams; suggested actions elsewhere, up to three); cards as a carousel of Hero cards (title, price and
 * service, reason, picture, buttons). A typing reply is a `typing` activity. `audience.recipientId` is the person
 * suggested actions are for.
 */
export function renderTeams(reply: SerializableReply, audience: TeamsAudience): TeamsOutgoing | undefined {
  if (reply.type === 'typing') return { type: 'typing' };
  if (reply.type === 'cards' && reply.cards.length > 0) return cardsActivity(reply, audience);
  const text = reply.text ?? '';
  const { suggestedActions, card } = quickReplyParts(reply.quickReplies, audience);
  if (!text.trim() && !suggestedActions && !card) return undefined;
  return { type: 'message', text, textFormat: 'plain', ...(card ? { attachments: [card] } : {}), ...(suggestedActions ? { suggestedActions } : {}) };
}
