import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import type { Dialog, DialogTurn } from '../../../core/dialog/dialog.ts';
import { findItemReference } from '../../../core/dialog/references.ts';
import { extractQuantity } from '../extract.ts';
import { keyOf, shopMemory, type CartLine, type ShopMemory } from '../shop-memory.ts';
import { byTitle } from '../shown-refs.ts';
import { afterCartChange, referencedItem, showCart } from './cart.ts';

/**
 * The cart line a quantity is for: the button's, the one pointed at ("первого", "молока"), else the one just added,
 * else the only one. Undefined when it cannot be told (the shopper is asked).
 */
function targetLine(turn: DialogTurn, memory: ShopMemory, args: Record<string, unknown>): CartLine | undefined {
  const byKey = (key: string) => memory.cart.find((l) => keyOf(l) === key);
  if (typeof args.item === 'string') return byKey(args.item);
  if (findItemReference(turn.text)) {
    const shown = referencedItem(turn, memory);
    return shown ? byKey(keyOf(shown)) : undefined;
  }
  const named = byTitle(turn.text, memory.cart);
  if (named) return named;
  const last = memory.lastAdded && byKey(keyOf(memory.lastAdded));
  return last ?? (memory.cart.length === 1 ? memory.cart[0] : undefined);
}

/** "поменяй количество на 1", "сделай три первого", "make it 3": the cart line gets that quantity, nothing is added. */
export function setQuantityDialog(): Dialog {
  return createActionDialog({
    id: 'set_quantity',
    intents: ['set_quantity'],
    run: async (turn, args) => {
      const memory = shopMemory(turn);
      if (memory.cart.length === 0) return showCart(turn);
      const quantity = typeof args.qty === 'string' && Number(args.qty) > 0 ? Number(args.qty) : extractQuantity(turn.text);
      const line = targetLine(turn, memory, args);
      if (quantity === undefined) return turn.say('assistant:ask.quantity_how');
      if (!line) {
        return turn.say('assistant:ask.which_quantity', {}, memory.cart.map((l) => ({
          title: l.title.slice(0, 60),
          payload: `intent:set_quantity?item=${encodeURIComponent(keyOf(l))}&qty=${quantity}`,
        })));
      }
      line.quantity = quantity;
      // A later "нет, две" corrects this line to two, not by the difference from an earlier add.
      memory.lastAdded = { itemId: line.itemId, service: line.service, quantity };
      afterCartChange(turn, 'assistant:quantity_set', { title: line.title, quantity });
    },
  });
}
