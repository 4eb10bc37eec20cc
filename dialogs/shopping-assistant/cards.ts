import type { DialogTurn } from '../../core/dialog/dialog.ts';
import { intentPayload } from '../../core/dialog/payload.ts';
import type { CardsReply, ProductCard, QuickReply, Service } from '../../core/reply.ts';
import type { Reason, Suggestion } from './ports.ts';
import { keyOf, type ShownItem } from './shop-memory.ts';

/** The item's title in the turn's language. */
export function titleIn(turn: DialogTurn, title: { ru: string; en?: string }): string {
  return turn.locale === 'en' ? title.en ?? title.ru : title.ru;
}

/** The service's name in the turn's language. */
export function serviceName(turn: DialogTurn, service: Service): string {
  return turn.t(`common:services.${service}`);
}

/** One reason as a sentence, grounded in the data it came from. */
export function reasonText(turn: DialogTurn, reason: Reason): string {
  const vars = { ...(reason.vars ?? {}) };
  if (typeof vars.service === 'string') vars.service = turn.t(`assistant:in_service.${vars.service}`);
  if (typeof vars.occasion === 'string') vars.occasion = turn.t(`assistant:occasions.${vars.occasion}`);
  if (typeof vars.need === 'string') vars.need = turn.t(`assistant:needs.${vars.need}`);
  return turn.t(`assistant:reasons.${reason.code}`, vars);
}

/** Every reason of an item, joined. */
export function reasonsText(turn: DialogTurn, reasons: readonly Reason[]): string {
  return reasons.slice(0, 2).map((r) => reasonText(turn, r)).join('; ');
}

/** What is remembered of a suggestion once it is shown. */
export function toShown(turn: DialogTurn, s: Suggestion): ShownItem {
  return {
    itemId: s.item.id, service: s.item.service, title: titleIn(turn, s.item.title), price: s.item.price,
    reasons: s.reasons, ...(s.quantity !== undefined ? { quantity: s.quantity } : {}),
    ...(s.item.tags?.length ? { tags: [...s.item.tags] } : {}),
    ...(s.item.category ? { category: s.item.category } : {}),
  };
}

/** A product card with its buttons: add to cart and why. */
export function toCard(turn: DialogTurn, shown: ShownItem, position: number, reasonOverride?: string): ProductCard {
  const item = keyOf(shown);
  return {
    itemId: shown.itemId,
    service: shown.service,
    title: shown.title,
    price: shown.price,
    currency: 'RUB',
    reason: reasonOverride ?? reasonsText(turn, shown.reasons),
    ...(shown.category ? { category: shown.category } : {}),
    actions: [
      { title: turn.t('assistant:buttons.add'), payload: intentPayload('add_to_cart', { item, qty: shown.quantity ?? 1 }) },
      { title: turn.t('assistant:buttons.why'), payload: intentPayload('why_recommended', { n: position + 1 }) },
    ],
  };
}

/** A cards reply. */
export function cardsReply(text: string, cards: ProductCard[], quickReplies: QuickReply[]): CardsReply {
  const reply: CardsReply = text ? { type: 'cards', text, cards } : { type: 'cards', cards };
  if (quickReplies.length) reply.quickReplies = quickReplies;
  return reply;
}

/** A quick reply from a locale key. */
export function button(turn: DialogTurn, key: string, intent: string, args: Record<string, string | number> = {}): QuickReply {
  return { title: turn.t(key), payload: intentPayload(intent, args) };
}

// Made once: `toLocaleString(locale)` builds a new formatter on every call, and prices are formatted many times a turn.
const RUB_FORMAT = { en: new Intl.NumberFormat('en-US'), ru: new Intl.NumberFormat('ru-RU') };

/** Formats roubles the way each language writes them. */
export function rub(turn: DialogTurn, amount: number): string {
  const rounded = Math.round(amount * 100) / 100;
  return `${(turn.locale === 'en' ? RUB_FORMAT.en : RUB_FORMAT.ru).format(rounded)} ₽`;
}
