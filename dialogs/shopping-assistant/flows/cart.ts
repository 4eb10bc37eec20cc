import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import { complete, type Dialog, type DialogTurn } from '../../../core/dialog/dialog.ts';
import { createFormDialog } from '../../../core/dialog/form-dialog.ts';
import { numbersIn } from '../../../core/dialog/numbers.ts';
import { findItemReference, resolveItemReference } from '../../../core/dialog/references.ts';
import { customSlot } from '../../../core/dialog/slots.ts';
import { SERVICES } from '../../../core/reply.ts';
import { cartLineCard } from '../cart-card.ts';
import { button, cardsReply, rub, serviceName, toCard } from '../cards.ts';
import { extractProductText, extractQuantity } from '../extract.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { keyOf, shopMemory, type CartLine, type ShopMemory, type ShownItem } from '../shop-memory.ts';
import { allExceptPart, byTitle, namedShown } from '../shown-refs.ts';
import { compareShown } from './compare.ts';
import { present } from './present.ts';
import { proposalDialogs, removeFromShown, shownToRemove } from './proposal.ts';
import { searchRequest } from './query.ts';

function findShown(memory: ShopMemory, key: string): ShownItem | undefined {
  const line = memory.cart.find((l) => keyOf(l) === key);
  // A cart line's "+1" after other things were shown: the line as an item (with no reasons), never a bare cart line.
  return memory.shown.find((s) => keyOf(s) === key) ?? (line && {
    itemId: line.itemId, service: line.service, title: line.title, price: line.price, reasons: [], ...(line.category ? { category: line.category } : {}),
  })
    ?? (memory.focus && keyOf(memory.focus) === key ? memory.focus : undefined)
    ?? memory.recent?.find((s) => keyOf(s) === key);
}

/** Resolves "второе", "the first one", "такие", "молоко" against what was shown. */
export function referencedItem(turn: DialogTurn, memory: ShopMemory): ShownItem | undefined {
  const reference = findItemReference(turn.text);
  if (reference?.kind === 'anaphor') return memory.focus ?? (memory.shown.length === 1 ? memory.shown[0] : undefined);
  return resolveItemReference(reference, memory.shown, memory.focus) ?? byTitle(turn.text, memory.shown);
}

/** Product words that match nothing shown ("положи в корзину чайник" after milk was shown): a new search. */
function unshownProduct(turn: DialogTurn, memory: ShopMemory): string | undefined {
  if (findItemReference(turn.text)) return undefined;
  const product = extractProductText(turn.text);
  return product && !byTitle(turn.text, memory.shown) ? product : undefined;
}

function cartTotal(cart: readonly CartLine[]): number {
  return cart.reduce((sum, l) => sum + l.price * l.quantity, 0);
}

function cartCount(cart: readonly CartLine[]): number {
  return cart.reduce((sum, l) => sum + l.quantity, 0);
}

function addLine(memory: ShopMemory, item: ShownItem, quantity: number): CartLine {
  let line = memory.cart.find((l) => keyOf(l) === keyOf(item));
  if (!line) {
    line = { itemId: item.itemId, service: item.service, title: item.title, price: item.price, quantity: 0, ...(item.category ? { category: item.category } : {}) };
    memory.cart.push(line);
  }
  line.quantity += quantity;
  memory.lastAdded = { itemId: item.itemId, service: item.service, quantity };
  memory.focus = item;
  return line;
}

/** Says what changed in the cart, with its count and total; what is shown next is the cart. */
export function afterCartChange(turn: DialogTurn, key: string, vars: Record<string, unknown>): void {
  const memory = shopMemory(turn);
  // The cart changed after the list was shown: "убери второе" now means the cart.
  memory.view = 'cart';
  turn.say(key, { ...vars, count: cartCount(memory.cart), total: rub(turn, cartTotal(memory.cart)) }, [
    button(turn, 'assistant:buttons.cart', 'view_cart'),
    button(turn, 'assistant:buttons.checkout', 'checkout'),
    button(turn, 'assistant:buttons.more', 'recommend'),
  ]);
}

async function addChosen(turn: DialogTurn, values: Record<string, unknown>): Promise<void> {
  const memory = shopMemory(turn);
  const item = values.item as ShownItem;
  const quantity = (values.qty as number | undefined) ?? 1;
  const line = addLine(memory, item, quantity);
  afterCartChange(turn, 'assistant:added', { title: item.title, quantity, inCart: line.quantity });
}

/** A message that is only a list number ("2", "№2", "2.", "номер 2"): the answer to "which item?". */
const BARE_NUMBER = /^\s*(?:№|#|номер|number|no\.?)?\s*(\d{1,2})\s*[.)]?\s*$/iu;

/** "не,", "нет,", "no," in front of an answer: it corrects, the answer is what follows. */
const ANSWER_LEAD = /^\s*(?:не|нет|неа|no|nope|nah)(?![\p{L}])[\s,.!–-]*/iu;

/**
 * The list number a message is made of: "2", "№2", "три", "не, три", "no, three". Only the number (and a leading
 * "no"): "три штуки" is a quantity, not an answer to "which item?".
 */
export function listNumber(text: string): number | undefined {
  const rest = text.replace(ANSWER_LEAD, '');
  const digits = BARE_NUMBER.exec(rest)?.[1];
  if (digits) return Number(digits);
  const numbers = numbersIn(rest);
  const [n] = numbers;
  const only = numbers.length === 1 && n && rest.trim().replace(/[.!?]+$/u, '') === rest.slice(n.start, n.end) ? n.value : undefined;
  return only !== undefined && Number.isInteger(only) && only > 0 ? only : undefined;
}

/** A bare list number said while the form asks which item: the item it names (none when past the list). */
function numberedAnswer(turn: DialogTurn, memory: ShopMemory): { item?: ShownItem } | undefined {
  if ((turn.state as { asking?: string }).asking !== 'item') return undefined;
  const n = listNumber(turn.text);
  if (!n) return undefined;
  const item = memory.shown[Number(n) - 1];
  return item ? { item } : {};
}

/** An ordinal past the end of the list ("the second one" when one card is shown) names nothing. */
function pointsPastList(text: string, memory: ShopMemory): boolean {
  const reference = findItemReference(text);
  return reference?.kind === 'index' && reference.index >= memory.shown.length;
}

const COMPARE = /сравн|чем\s+отлича|в\s+ч[её]м\s+разниц|compare|difference|versus|\bvs\.?\b/iu;

/** "добавь всё", "возьми их все", "add them all": every item on screen, never a search for the word "всё". */
const ALL_SHOWN = /^\s*(?:\p{L}+\s+)?(?:(?:их|это|эти)\s+)?(?:всё|все|всех|всю|целиком|everything|(?:them\s+)?all(?:\s+of\s+(?:them|these|it))?)(?:\s+(?:их|это|эти|сразу|в\s+корзину|to\s+(?:the\s+|my\s+)?cart))*\s*[.!]*\s*$/iu;

/** "добавь всё кроме второго", "add everything except the milk": the list on screen without what is named. */
function addAllExcept(turn: DialogTurn, memory: ShopMemory, excluded: readonly ShownItem[]): void {
  const keys = new Set(excluded.map(keyOf));
  const added = memory.shown.filter((s) => !keys.has(keyOf(s)));
  if (excluded.length === 0 || added.length === 0) {
    // What to leave out is not in the list (or is all of it): nothing is added on a guess.
    turn.say('assistant:ask.which_except', {}, [button(turn, 'assistant:buttons.add_all', 'add_to_cart', { all: 1 })]);
    return;
  }
  for (const item of added) addLine(memory, item, item.quantity ?? 1);
  const titles = excluded.map((i) => turn.t('assistant:quoted', { title: i.title })).join(', ');
  afterCartChange(turn, 'assistant:added_all_except', { items: added.length, titles });
}

/** "возьми второе", "добавь 3 штуки первого", "ещё две такие", the card's "В корзину" button. */
function addToCartDialog(deps: ShopDeps): Dialog {
  const form = createFormDialog({
    id: 'add_to_cart',
    intents: ['add_to_cart'],
    initial: (turn, args) => {
      const memory = shopMemory(turn);
      const values: Record<string, unknown> = {};
      if (typeof args.item === 'string') values.item = findShown(memory, args.item);
      else if (args.item && typeof args.item === 'object') values.item = args.item;
      if (typeof args.n === 'string') values.item = memory.shown[Number(args.n) - 1];
      if (typeof args.qty === 'string' && Number(args.qty) > 0) values.qty = Number(args.qty);
      return values;
    },
    slots: [
      {
        name: 'item', required: true, prompt: 'assistant:ask.which_item', reprompts: ['assistant:ask.which_item_again'],
        type: customSlot<ShownItem>('shown-item', ({ text, memory, asked }) => {
          const m = memory as unknown as ShopMemory;
          const n = asked ? listNumber(text) : undefined;
          if (n) return m.shown[Number(n) - 1];
          const fake = { text } as DialogTurn;
          return referencedItem(fake, m);
        }),
      },
      { name: 'qty', type: customSlot<number>('quantity', ({ text }) => extractQuantity(text)) },
    ],
    complete: async (turn, values) => addChosen(turn, values),
  });
  return {
    ...form,
    async begin(turn, args = {}) {
      const memory = shopMemory(turn);
      memory.offer = undefined;
      // "сравни первые два" names two items and a number, but asks to compare, never to buy two of the first.
      if (!args.item && !args.n && COMPARE.test(turn.text)) {
        compareShown(turn, memory);
        return complete();
      }
      const except = args.all === '1' || args.item || args.n ? undefined : allExceptPart(turn.text);
      if (except !== undefined && memory.shown.length > 0) {
        addAllExcept(turn, memory, namedShown(except, memory.shown));
        return complete();
      }
      if (args.all === '1' || (!args.item && !args.n && ALL_SHOWN.test(turn.text))) {
        if (memory.shown.length === 0) {
          turn.say('assistant:nothing_shown');
          return complete();
        }
        for (const item of memory.shown) addLine(memory, item, item.quantity ?? 1);
        afterCartChange(turn, 'assistant:added_all', { items: memory.shown.length });
        return complete();
      }
      // A button's exact item is added as it is: its title ("2. Яйца, 10 шт") is not read for a quantity.
      const exact = typeof args.item === 'string' ? findShown(memory, args.item) : undefined;
      if (exact) {
        await addChosen(turn, { item: exact, ...(Number(args.qty) > 0 ? { qty: Number(args.qty) } : {}) });
        return complete();
      }
      const product = args.item || args.n ? undefined : unshownProduct(turn, memory);
      if (product || (memory.shown.length === 0 && !args.item)) {
        if (!product) turn.say('assistant:nothing_shown', {}, [button(turn, 'assistant:buttons.popular', 'recommend')]);
        else await present(turn, deps, searchRequest(turn.text, product), 'assistant:which_to_add');
        return complete();
      }
      // One item on screen: "добавь", "добавь два" can only mean it.
      // An ordinal past the list ("the second one" with one card) is asked about, never guessed.
      const only = memory.shown.length === 1 && !args.item && !args.n && !pointsPastList(turn.text, memory) ? { item: memory.shown[0] } : {};
      const result = await form.begin(turn, { ...args, ...only });
      if (result.status === 'waiting') {
        // The question lists what was shown, so the shopper can just press one.
        const last = memory.shown.slice(0, 5);
        turn.reply(cardsReply(turn.t('assistant:shown_again'), last.map((s, i) => toCard(turn, s, i)),
          last.map((s, i) => ({ title: `${i + 1}. ${s.title}`.slice(0, 60), payload: `intent:add_to_cart?item=${encodeURIComponent(keyOf(s))}` }))));
      }
      return result;
    },
    async continue(turn) {
      const memory = shopMemory(turn);
      // "2" answers "which item?" with the list number, never as a quantity.
      const numbered = numberedAnswer(turn, memory);
      if (numbered?.item) {
        await addChosen(turn, { ...(turn.state as { values?: Record<string, unknown> }).values, item: numbered.item });
        return complete();
      }
      // A number past the list answers nothing: asked again (more explicitly), never taken as a quantity.
      if (numbered) return form.continue(Object.create(turn, { text: { value: '' } }) as DialogTurn);
      // Asked which item, the shopper names a product that was not shown: look it up instead.
      const product = unshownProduct(turn, memory);
      if (product && !extractQuantity(turn.text)) {
        const request = searchRequest(turn.text, product);
        if (await present(turn, deps, request, 'assistant:which_to_add', { quietIfEmpty: true })) return complete();
      }
      // Anything else is not an answer: the question is asked again, never filled from it.
      return form.continue(turn);
    },
  };
}

/** "нет, не две, а три" right after adding: fixes the quantity just added. */
function cartCorrectionDialog(): Dialog {
  return createActionDialog({
    id: 'cart_correction',
    intents: ['cart_correction'],
    run: async (turn) => {
      const memory = shopMemory(turn);
      const last = memory.lastAdded;
      const line = last && memory.cart.find((l) => keyOf(l) === keyOf(last));
      const numbers = numbersIn(turn.text).map((n) => n.value).filter((n) => Number.isInteger(n) && n > 0 && n <= 99);
      const quantity = numbers[numbers.length - 1];
      if (!last || !line || quantity === undefined) return turn.say('assistant:fallback');
      line.quantity = Math.max(1, line.quantity - last.quantity + quantity);
      memory.lastAdded = { ...last, quantity };
      afterCartChange(turn, 'assistant:quantity_set', { title: line.title, quantity: line.quantity });
    },
  });
}

/** The cart as cards with each line's sum, or that it is empty. */
export function showCart(turn: DialogTurn): void {
  const memory = shopMemory(turn);
  if (memory.cart.length === 0) {
    turn.say('assistant:cart_empty', {}, [button(turn, 'assistant:buttons.popular', 'recommend'), button(turn, 'assistant:buttons.reorder', 'reorder')]);
    return;
  }
  memory.view = 'cart';
  memory.shown = memory.cart.map((l) => ({
    itemId: l.itemId, service: l.service, title: l.title, price: l.price, reasons: [], quantity: l.quantity, ...(l.category ? { category: l.category } : {}),
  }));
  const cards = memory.cart.map((l) => cartLineCard(turn, l));
  const text = turn.t('assistant:cart', { count: cartCount(memory.cart), total: rub(turn, cartTotal(memory.cart)) });
  turn.reply(cardsReply(text, cards, [
    button(turn, 'assistant:buttons.checkout', 'checkout'),
    button(turn, 'assistant:buttons.clear_cart', 'remove_from_cart', { all: 1 }),
    button(turn, 'assistant:buttons.more', 'recommend'),
  ]));
}

/** "что в корзине?" */
function viewCartDialog(): Dialog {
  return createActionDialog({ id: 'view_cart', intents: ['view_cart'], run: async (turn) => showCart(turn) });
}

/** "очисти корзину", "убери всё", "clear the cart": every line. */
const CLEAR_ALL = /(?:всё|все|всю|целиком|очисти|clear|empty|everything|all)(?![\p{L}])/iu;

const buttonQuantity = (args: Record<string, unknown>): number | undefined => (Number(args.qty) > 0 ? Number(args.qty) : undefined);

/** A cart line's button pressed after the line was removed. */
function notInCart(turn: DialogTurn, memory: ShopMemory, key: string): void {
  const item = findShown(memory, key);
  if (!item) return showCart(turn);
  turn.say('assistant:not_in_cart', { title: item.title }, [
    button(turn, 'assistant:buttons.cart', 'view_cart'), button(turn, 'assistant:buttons.more', 'recommend'),
  ]);
}

/** "убери молоко", "удали второе", "убери одну", "очисти корзину", a cart line's "−1" and "Убрать". */
function removeDialog(): Dialog {
  return createActionDialog({
    id: 'remove_from_cart',
    intents: ['remove_from_cart'],
    run: async (turn, args) => {
      const memory = shopMemory(turn);
      const everything = args.all === '1' || CLEAR_ALL.test(turn.text);
      // "убери второе" right after a list was shown edits that list, not the cart (the reply says which).
      const listed = everything ? undefined : shownToRemove(turn, memory, args);
      if (listed) return removeFromShown(turn, memory, listed);
      if (memory.cart.length === 0) return showCart(turn);
      if (everything) {
        memory.cart = [];
        memory.lastAdded = undefined;
        memory.view = 'cart';
        return turn.say('assistant:cart_cleared', {}, [button(turn, 'assistant:buttons.popular', 'recommend')]);
      }
      const key = typeof args.item === 'string' ? args.item : undefined;
      // A button names its line exactly: a line already gone is said so, never another line guessed.
      if (key && !memory.cart.some((l) => keyOf(l) === key)) return notInCart(turn, memory, key);
      const shown = key ? undefined : referencedItem(turn, memory);
      const line = memory.cart.find((l) => keyOf(l) === (key ?? (shown ? keyOf(shown) : '')))
        ?? byTitle(turn.text, memory.cart) ?? (memory.cart.length === 1 ? memory.cart[0] : undefined);
      if (!line) {
        return turn.say('assistant:ask.which_remove', {}, memory.cart.map((l) => ({
          title: l.title.slice(0, 60), payload: `intent:remove_from_cart?item=${encodeURIComponent(keyOf(l))}`,
        })));
      }
      // A button's quantity is its own ("−1"); its title ("1. Убрать", "Яйца, 10 шт") is not read for one.
      const quantity = key ? buttonQuantity(args) : extractQuantity(turn.text);
      if (quantity !== undefined && quantity < line.quantity && (key || !findItemReference(turn.text))) {
        line.quantity -= quantity;
      } else {
        memory.cart = memory.cart.filter((l) => l !== line);
        line.quantity = 0;
      }
      memory.lastAdded = undefined;
      // The last line gone: nothing to check out, so say the cart is empty and offer what can fill it.
      if (memory.cart.length === 0) {
        memory.view = 'cart';
        return turn.say('assistant:removed_last', { title: line.title }, [
          button(turn, 'assistant:buttons.popular', 'recommend'), button(turn, 'assistant:buttons.reorder', 'reorder'),
        ]);
      }
      afterCartChange(turn, line.quantity > 0 ? 'assistant:reduced' : 'assistant:removed', { title: line.title, left: line.quantity });
    },
  });
}

/** "оформи заказ": one deep link per service; payment always happens in the service's app. */
function checkoutDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'checkout',
    intents: ['checkout'],
    run: async (turn) => {
      const memory = shopMemory(turn);
      if (memory.cart.length === 0) return showCart(turn);
      const parts = SERVICES.filter((s) => memory.cart.some((l) => l.service === s)).map((service) => {
        const lines = memory.cart.filter((l) => l.service === service);
        return turn.t('assistant:checkout_service', {
          service: serviceName(turn, service), count: cartCount(lines), total: rub(turn, cartTotal(lines)),
          link: deps.checkoutLink(service, lines),
        });
      });
      turn.say('assistant:checkout', { services: parts.join('\n') }, [button(turn, 'assistant:buttons.cart', 'view_cart')]);
    },
  });
}

/** The cart dialogs. */
export function cartDialogs(deps: ShopDeps): Dialog[] {
  return [addToCartDialog(deps), cartCorrectionDialog(), viewCartDialog(), removeDialog(), checkoutDialog(deps), ...proposalDialogs()];
}
