import type { DialogTurn } from '../../core/dialog/dialog.ts';
import { intentPayload } from '../../core/dialog/payload.ts';
import type { ProductCard } from '../../core/reply.ts';
import { keyOf, type CartLine } from './shop-memory.ts';

/**
 * A cart line as a card: its quantity (channels show `2 × 89 ₽ = 178 ₽`), no reason (it is in the cart, not
 * suggested) and the buttons a cart line needs: −1, +1 and remove. The buttons name the line by its key and change it
 * by one each press, so pressing one twice (or an older card's) counts twice rather than setting a stale number.
 */
export function cartLineCard(turn: DialogTurn, line: CartLine): ProductCard {
  const item = keyOf(line);
  return {
    itemId: line.itemId,
    service: line.service,
    title: line.title,
    price: line.price,
    currency: 'RUB',
    ...(line.category ? { category: line.category } : {}),
    quantity: line.quantity,
    actions: [
      { title: turn.t('assistant:buttons.minus_one'), payload: intentPayload('remove_from_cart', { item, qty: 1 }) },
      { title: turn.t('assistant:buttons.plus_one'), payload: intentPayload('add_to_cart', { item, qty: 1 }) },
      { title: turn.t('assistant:buttons.remove'), payload: intentPayload('remove_from_cart', { item }) },
    ],
  };
}
