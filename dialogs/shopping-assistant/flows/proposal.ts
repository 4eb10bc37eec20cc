import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import type { Dialog, DialogTurn } from '../../../core/dialog/dialog.ts';
import { findItemReference } from '../../../core/dialog/references.ts';
import { button, cardsReply, rub, toCard } from '../cards.ts';
import { keyOf, shopMemory, type CartLine, type ShopMemory, type ShownItem } from '../shop-memory.ts';
import { byTitle, namedShown, withoutPart } from '../shown-refs.ts';

// A list on screen that is not in the cart yet (a usual order, search results) is a proposal: the shopper edits it
// ("убери второе", "без молока"), asks what it comes to, and adds all of it at once.

/** What a list item costs in the quantity it would be added in (a usual order's usual quantity). */
function lineSum(item: ShownItem): number {
  return item.price * (item.quantity ?? 1);
}

/** What the whole list comes to. */
export function shownTotal(items: readonly ShownItem[]): number {
  return items.reduce((sum, s) => sum + lineSum(s), 0);
}

/** Titles quoted the way the language quotes them: «Молоко», «Хлеб». */
function quoted(turn: DialogTurn, items: readonly { title: string }[]): string {
  return items.map((i) => turn.t('assistant:quoted', { title: i.title })).join(', ');
}

/** "add all" and "cart", with "да" meaning "add all". */
function offerAll(turn: DialogTurn, memory: ShopMemory): ReturnType<typeof button>[] {
  memory.offer = { intent: 'add_to_cart', args: { all: '1' } };
  return [button(turn, 'assistant:buttons.add_all', 'add_to_cart', { all: 1 }), button(turn, 'assistant:buttons.cart', 'view_cart')];
}

const CART_WORDS = /корзин|\bcart\b|\bbasket\b/iu;

/**
 * The shown items a removal names, when it is about the list on screen rather than the cart: the list was shown
 * after the last cart change, the message does not say "из корзины", and it names items of the list. Undefined when
 * the message is about the cart (then the cart is edited as before).
 */
export function shownToRemove(turn: DialogTurn, memory: ShopMemory, args: Record<string, unknown>): ShownItem[] | undefined {
  if (typeof args.shown === 'string') {
    const item = memory.shown.find((s) => keyOf(s) === args.shown);
    return item ? [item] : undefined;
  }
  if (memory.view !== 'list' || memory.shown.length === 0 || typeof args.item === 'string' || CART_WORDS.test(turn.text)) return undefined;
  const reference = findItemReference(turn.text);
  if (reference?.kind === 'anaphor') {
    const one = memory.focus && memory.shown.some((s) => keyOf(s) === keyOf(memory.focus!)) ? memory.focus : memory.shown.length === 1 ? memory.shown[0] : undefined;
    return one ? [one] : undefined;
  }
  if (reference) {
    // A number past the list names nothing in it: which one is asked, never a cart line guessed.
    const item = reference.kind === 'index' ? memory.shown[reference.index] : memory.shown[memory.shown.length - 1];
    return item ? [item] : [];
  }
  // "без молока" leaves out every milk of the list; "убери молоко" with two milks asks which one.
  const without = withoutPart(turn.text);
  if (without) {
    const named = namedShown(without, memory.shown);
    return named.length > 0 ? named : undefined;
  }
  const one = byTitle(turn.text, memory.shown);
  if (one) return [one];
  // Nothing named that is in the list, but the cart has it ("убери молоко" about the cart): the cart is meant.
  if (memory.cart.length > 0 && byTitle(turn.text, memory.cart)) return undefined;
  return memory.cart.length === 0 ? [] : undefined;
}

/** Leaves items out of the list on screen and shows the rest with its new total and the "add all?" offer. */
export function removeFromShown(turn: DialogTurn, memory: ShopMemory, items: readonly ShownItem[]): void {
  if (items.length === 0) {
    // The list is meant but which item is not clear: the list's items are offered as buttons.
    turn.say('assistant:ask.which_remove_shown', {}, memory.shown.map((s) => ({
      title: s.title.slice(0, 60), payload: `intent:remove_from_cart?shown=${encodeURIComponent(keyOf(s))}`,
    })));
    return;
  }
  const keys = new Set(items.map(keyOf));
  memory.shown = memory.shown.filter((s) => !keys.has(keyOf(s)));
  memory.view = 'list';
  memory.focus = undefined;
  const titles = quoted(turn, items);
  if (memory.shown.length === 0) {
    memory.offer = undefined;
    turn.say('assistant:list_emptied', { titles }, [button(turn, 'assistant:buttons.popular', 'recommend')]);
    return;
  }
  // The cart is not what was edited: saying so keeps "убери второе" from looking like a cart change.
  const cart = memory.cart.length > 0 ? ' ' + turn.t('assistant:list_cart_kept', { count: cartCount(memory.cart), total: rub(turn, cartTotal(memory.cart)) }) : '';
  const text = turn.t('assistant:list_removed', { titles, items: memory.shown.length, total: rub(turn, shownTotal(memory.shown)) })
    + cart + ' ' + turn.t('assistant:offer_add_all');
  turn.reply(cardsReply(text, memory.shown.map((s, i) => toCard(turn, s, i)), offerAll(turn, memory)));
}

function cartTotal(cart: readonly CartLine[]): number {
  return cart.reduce((sum, l) => sum + l.price * l.quantity, 0);
}

function cartCount(cart: readonly CartLine[]): number {
  return cart.reduce((sum, l) => sum + l.quantity, 0);
}

/** "сколько это всё стоит?", "how much for all of them?": what the list on screen comes to, and the offer to add it. */
function shownTotalDialog(): Dialog {
  return createActionDialog({
    id: 'shown_total',
    intents: ['shown_total'],
    run: async (turn) => {
      const memory = shopMemory(turn);
      if (memory.shown.length === 0) return turn.say('assistant:nothing_shown', {}, [button(turn, 'assistant:buttons.popular', 'recommend')]);
      const usual = memory.shown.some((s) => (s.quantity ?? 1) !== 1);
      const lines = memory.shown.map((s, i) => (s.quantity ?? 1) === 1
        ? turn.t('assistant:list_total_line', { n: i + 1, title: s.title, price: rub(turn, s.price) })
        : turn.t('assistant:list_total_line_qty', { n: i + 1, title: s.title, quantity: s.quantity, price: rub(turn, s.price), sum: rub(turn, lineSum(s)) }));
      const head = turn.t(usual ? 'assistant:list_total_usual' : 'assistant:list_total', { items: memory.shown.length, total: rub(turn, shownTotal(memory.shown)) });
      turn.say('assistant:list_total_text', { head, lines: lines.join('\n'), offer: turn.t('assistant:offer_add_all') }, offerAll(turn, memory));
    },
  });
}

/** The dialogs about the list on screen (its editing lives in the cart's remove and add dialogs). */
export function proposalDialogs(): Dialog[] {
  return [shownTotalDialog()];
}
