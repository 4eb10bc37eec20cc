import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import type { Dialog, DialogTurn } from '../../../core/dialog/dialog.ts';
import { button } from '../cards.ts';
import { extractAccessoryForIt, extractProductText } from '../extract.ts';
import type { ShoppingQuery } from '../ports.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { keyOf, shopMemory, type ShownItem } from '../shop-memory.ts';
import { matchesAll, stems } from '../text-match.ts';
import { present } from './present.ts';
import { buildQuery, searchRequest } from './query.ts';

/** The item "к нему" / "for it" points at: the one referred to last, else the one just added, else a lone card. */
export function itemTalkedAbout(turn: DialogTurn): ShownItem | undefined {
  const memory = shopMemory(turn);
  if (memory.focus) return memory.focus;
  // A lone card shown after the last cart change is newer than the item added.
  if (memory.view === 'list' && memory.shown.length === 1) return memory.shown[0];
  const added = memory.lastAdded;
  if (added) {
    const known = [...memory.shown, ...(memory.recent ?? [])].find((s) => keyOf(s) === keyOf(added));
    const line = memory.cart.find((l) => keyOf(l) === keyOf(added));
    if (known) return known;
    if (line) return { itemId: line.itemId, service: line.service, title: line.title, price: line.price, reasons: [] };
  }
  return memory.shown.length === 1 ? memory.shown[0] : undefined;
}

function plainQuery(turn: DialogTurn, text: string, limit: number): ShoppingQuery {
  return { locale: turn.locale, text, requireTags: [], excludeTags: [], dislikes: [], excludeItems: [], personalize: false, limit };
}

/** What kind of product the item is, as its catalog shelf names it ("Наушники"), else its title's first word. */
export async function kindOf(turn: DialogTurn, deps: ShopDeps, item: ShownItem): Promise<{ kind: string; category?: string }> {
  const found = await deps.backend.search(plainQuery(turn, item.title, 20));
  const same = found.find((s) => keyOf({ service: s.item.service, itemId: s.item.id }) === keyOf(item))?.item;
  const kind = same?.category.split('/').pop() ?? item.title.split(/[\s,]+/)[0]!;
  return same ? { kind: kind.toLowerCase(), category: same.category } : { kind: kind.toLowerCase() };
}

/**
 * "а чехол к нему есть?" right after headphones: a case for headphones, not any case. When the catalog has none,
 * it says so and offers what it does have under that name, clearly as something else.
 */
async function accessoryFor(turn: DialogTurn, deps: ShopDeps, args: Readonly<Record<string, unknown>>): Promise<void> {
  // "да" / the button after "none for this item": what the catalog has under that name, for other products.
  if (typeof args.show === 'string') return void await present(turn, deps, { kind: 'search', text: args.show, requireTags: [], excludeTags: [] });
  const accessory = extractAccessoryForIt(turn.text);
  const target = itemTalkedAbout(turn);
  if (!accessory || !target) {
    const product = accessory ?? extractProductText(turn.text);
    if (product) await present(turn, deps, searchRequest(turn.text, product));
    else turn.say('assistant:ask.search');
    return;
  }
  const { kind, category } = await kindOf(turn, deps, target);
  const request = { ...searchRequest(turn.text, `${accessory} ${kind}`) };
  const words = stems(request.text!);
  const query = await buildQuery(turn, deps, request);
  // Only what is that accessory and is for that kind of item: a phone case is no case for headphones.
  const fitting = (await deps.backend.search({ ...query, limit: 50 }))
    .filter((s) => s.item.category !== category && matchesAll(s.item, words, true));
  if (fitting.length > 0) {
    await present(turn, deps, request);
    return;
  }
  const others = (await deps.backend.search(plainQuery(turn, accessory, 5))).filter((s) => matchesAll(s.item, stems(accessory), true));
  const memory = shopMemory(turn);
  if (others.length > 0) {
    memory.offer = { intent: 'accessory', args: { show: accessory } };
    turn.say('assistant:accessory_none_other', { accessory, item: target.title }, [
      button(turn, 'assistant:buttons.show_accessory', 'accessory', { show: accessory }),
      button(turn, 'assistant:buttons.cart', 'view_cart'),
    ]);
    return;
  }
  turn.say('assistant:accessory_none', { accessory, item: target.title }, [
    button(turn, 'assistant:buttons.popular', 'recommend'),
    button(turn, 'assistant:buttons.cart', 'view_cart'),
  ]);
}

/** "а чехол к нему есть?", "is there a case for it?": an accessory for the item just talked about. */
export function accessoryDialog(deps: ShopDeps): Dialog {
  return createActionDialog({ id: 'accessory', intents: ['accessory'], run: (turn, args) => accessoryFor(turn, deps, args) });
}
