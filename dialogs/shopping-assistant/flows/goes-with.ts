import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import type { Dialog, DialogTurn } from '../../../core/dialog/dialog.ts';
import { button, cardsReply, toCard, toShown } from '../cards.ts';
import { complementsOf, onShelf, type Complement } from '../complements.ts';
import { fits } from '../constraints.ts';
import type { Companion, Reason, ShoppingQuery, Suggestion } from '../ports.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { keyOf, shopMemory, showItems, type ShownItem } from '../shop-memory.ts';
import { matchesAll, stems } from '../text-match.ts';
import { itemTalkedAbout, kindOf } from './accessory.ts';
import { present } from './present.ts';
import { buildQuery, requestFromText } from './query.ts';

/** At most this many picks of one source, so the shopper's own baskets, others' and the shelves all get a say. */
const PER_SOURCE = 2;

/** What this flow remembers: the item its cards on screen go with. */
interface GoesWithMemory {
  goesWith?: { anchor: ShownItem; shown: string[] };
}

/**
 * The item asked about: while the cards of what goes with an item are still on screen, "что ещё к нему?" is about
 * that item again, not one of its companions; otherwise the item talked about last.
 */
function anchorOf(turn: DialogTurn): ShownItem | undefined {
  const memory = shopMemory(turn);
  const last = (turn.memory as GoesWithMemory).goesWith;
  const onScreen = memory.shown.map(keyOf);
  if (last && !memory.focus && memory.view === 'list' && onScreen.join() === last.shown.join()) return last.anchor;
  return itemTalkedAbout(turn);
}

/** "в марте" / "in March", with the year when it is not this one. */
function monthOf(turn: DialogTurn, iso: string): string {
  const at = new Date(iso);
  const month = turn.t(`assistant:goes_with.months.${at.getUTCMonth() + 1}`);
  return at.getUTCFullYear() === new Date().getUTCFullYear() ? month : `${month} ${at.getUTCFullYear()}`;
}

function companionReason(turn: DialogTurn, c: Companion, anchor: string): Reason {
  if (c.together.by === 'you') {
    return { code: 'goes_with_you', vars: { item: anchor, count: c.together.times, when: monthOf(turn, c.together.last), personal: true } };
  }
  return { code: 'goes_with_shoppers', vars: { item: anchor, count: c.together.shoppers } };
}

/** The shelf complements the catalog has, those naming the anchor's own model first ("Чехол … iPhone 15"). */
async function shelfPicks(deps: ShopDeps, query: ShoppingQuery, target: ShownItem, category: string | undefined): Promise<Suggestion[]> {
  const anchorWords = new Set(stems(target.title));
  const shared = (item: CatalogItem) => stems(`${item.title.ru} ${item.title.en ?? ''}`).filter((s) => anchorWords.has(s)).length;
  const lists = await Promise.all(complementsOf(category).map(async (complement: Complement) => {
    const words = stems(complement.text);
    const found = (await deps.backend.search({ ...query, text: complement.text, limit: 10 }))
      .filter((s) => onShelf(s.item.category, complement) && matchesAll(s.item, words));
    const best = [...found].sort((a, b) => shared(b.item) - shared(a.item))[0];
    return best ? [{ item: best.item, reasons: [{ code: `goes_with_${complement.why}`, vars: { item: target.title } }] }] : [];
  }));
  return lists.flat();
}

/** Own baskets first, then other shoppers', then the shelves; the rest of each source fills what is left. */
function merge(sources: Suggestion[][], limit: number): Suggestion[] {
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const take = (s: Suggestion) => {
    const key = keyOf({ service: s.item.service, itemId: s.item.id });
    if (seen.has(key) || out.length >= limit) return;
    seen.add(key);
    out.push(s);
  };
  for (const list of sources) list.slice(0, PER_SOURCE).forEach(take);
  for (const list of sources) list.slice(PER_SOURCE).forEach(take);
  return out;
}

/**
 * "что к нему подойдёт?" after an item: what the shopper bought with it, what other shoppers buy with it, and what
 * goes with its kind by the catalog's shelves, each saying why; every stated constraint binds. When nothing
 * genuinely goes with it, it says so and offers similar items or popular picks instead.
 */
async function goesWith(turn: DialogTurn, deps: ShopDeps, args: Readonly<Record<string, unknown>>): Promise<void> {
  // The button after "nothing goes with it": items like it.
  if (typeof args.similar === 'string') return void await present(turn, deps, { kind: 'search', text: args.similar, requireTags: [], excludeTags: [] });
  const target = anchorOf(turn);
  if (!target) return turn.say('assistant:goes_with.which', {}, [button(turn, 'assistant:buttons.popular', 'recommend')]);
  const { kind, category } = await kindOf(turn, deps, target);
  const request = requestFromText(turn.text, 'search');
  delete request.text;
  const query = await buildQuery(turn, deps, request);
  const memory = shopMemory(turn);
  const ownKey = keyOf(target);
  const inCart = new Set(memory.cart.map(keyOf));
  const companions = (await deps.backend.companions?.({ service: target.service, itemId: target.itemId, query })) ?? [];
  const usable = (item: CatalogItem) => {
    const key = keyOf({ service: item.service, itemId: item.id });
    return key !== ownKey && !inCart.has(key) && !query.excludeItems.includes(key) && item.available !== false && fits(item, query);
  };
  const own = companions.filter((c) => c.together.by === 'you' && usable(c.item));
  // Another phone is no companion of a phone: other shoppers' picks from the item's own shelf stay out.
  const others = companions.filter((c) => c.together.by === 'shoppers' && usable(c.item) && c.item.category !== category);
  const toSuggestion = (c: Companion): Suggestion => ({ item: c.item, reasons: [companionReason(turn, c, target.title)] });
  const shelves = (await shelfPicks(deps, query, target, category)).filter((s) => usable(s.item));
  const picks = merge([own.map(toSuggestion), others.map(toSuggestion), shelves], deps.limit);
  if (picks.length === 0) {
    memory.offer = { intent: 'goes_with', args: { similar: kind } };
    turn.say('assistant:goes_with.none', { item: target.title }, [
      button(turn, 'assistant:buttons.similar', 'goes_with', { similar: kind }),
      button(turn, 'assistant:buttons.popular', 'recommend'),
    ]);
    return;
  }
  showItems(memory, picks.map((s) => toShown(turn, s)));
  memory.focus = undefined;
  (turn.memory as GoesWithMemory).goesWith = { anchor: target, shown: memory.shown.map(keyOf) };
  const cards = memory.shown.map((s, i) => toCard(turn, s, i));
  turn.reply(cardsReply(turn.t('assistant:goes_with.intro', { item: target.title }), cards, [
    button(turn, 'assistant:buttons.add_first', 'add_to_cart', { item: keyOf(memory.shown[0]!) }),
    button(turn, 'assistant:buttons.why_first', 'why_recommended', { n: 1 }),
    button(turn, 'assistant:buttons.cart', 'view_cart'),
  ]));
}

/** "что к нему подойдёт?", "с чем это едят?", "what goes with it?": what goes with the item just talked about. */
export function goesWithDialog(deps: ShopDeps): Dialog {
  return createActionDialog({ id: 'goes_with', intents: ['goes_with'], run: (turn, args) => goesWith(turn, deps, args) });
}
