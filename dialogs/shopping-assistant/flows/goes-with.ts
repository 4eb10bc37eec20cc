import type { CatalogItem } from '../../../core/catalog/catalog-item.ts';
import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import { intentPayload } from '../../../core/dialog/payload.ts';
import type { Dialog, DialogTurn } from '../../../core/dialog/dialog.ts';
import { button, cardsReply, toCard, toShown } from '../cards.ts';
import { complementsOf, onShelf, type Complement } from '../complements.ts';
import { fits, hasFact, isFood } from '../constraints.ts';
import type { Companion, Reason, ShoppingQuery, Suggestion } from '../ports.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { keyOf, shopMemory, showItems, type ShownItem } from '../shop-memory.ts';
import { stems, titleFit } from '../text-match.ts';
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
function anchorOf(turn: DialogTurn, args: Readonly<Record<string, unknown>>): { anchor?: ShownItem; again?: string[] } {
  const memory = shopMemory(turn);
  // The "which item?" buttons name it.
  if (typeof args.item === 'string') return { anchor: [...memory.shown, ...(memory.recent ?? [])].find((s) => keyOf(s) === args.item) };
  const last = (turn.memory as GoesWithMemory).goesWith;
  const onScreen = memory.shown.map(keyOf);
  if (last && !memory.focus && memory.view === 'list' && onScreen.join() === last.shown.join()) return { anchor: last.anchor, again: last.shown };
  const talkedAbout = itemTalkedAbout(turn);
  if (talkedAbout) return { anchor: talkedAbout };
  // Cards of one kind on screen ("к ним" after five spaghetti): the first, the best match, named in the answer.
  const kinds = new Set(memory.shown.map((s) => s.category));
  return memory.view === 'list' && kinds.size === 1 && !kinds.has(undefined) ? { anchor: memory.shown[0] } : {};
}

const MORE = /(?<![\p{L}\p{N}])(?:ещ[её]|другое|другие|else|more|other)(?![\p{L}\p{N}])/iu;

/** "К какому товару?" with a button per card on screen. */
function askWhich(turn: DialogTurn): void {
  const shown = shopMemory(turn).shown.slice(0, 5);
  turn.say('assistant:goes_with.which', {}, [
    ...shown.map((s) => ({ title: s.title.length > 40 ? `${s.title.slice(0, 39)}…` : s.title, payload: intentPayload('goes_with', { item: keyOf(s) }) })),
    button(turn, 'assistant:buttons.popular', 'recommend'),
  ]);
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
      // In the title: a sunflower oil on the "Масло и соусы" shelf is no sauce.
      .filter((s) => onShelf(s.item.category, complement) && titleFit(s.item, words) > 0);
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
  const { anchor: target, again } = anchorOf(turn, args);
  if (!target) return askWhich(turn);
  const { kind, category } = await kindOf(turn, deps, target);
  // As a suggestion without a product named: kinds of food the shopper never buys stay out, as in recommendations.
  const request = requestFromText(turn.text, 'recommend');
  delete request.text;
  const query = await buildQuery(turn, deps, request);
  const habits = query.habitTags ?? [];
  const memory = shopMemory(turn);
  const ownKey = keyOf(target);
  const inCart = new Set(memory.cart.map(keyOf));
  // "что ещё к нему?" while its picks are on screen: the others.
  const shownBefore = new Set(again && MORE.test(turn.text) ? again : []);
  const companions = (await deps.backend.companions?.({ service: target.service, itemId: target.itemId, query })) ?? [];
  const usable = (item: CatalogItem) => {
    const key = keyOf({ service: item.service, itemId: item.id });
    return key !== ownKey && !inCart.has(key) && !query.excludeItems.includes(key) && !shownBefore.has(key)
      && item.available !== false && fits(item, query) && (!isFood(item) || habits.every((tag) => hasFact(item, tag)));
  };
  const own = companions.filter((c) => c.together.by === 'you' && usable(c.item));
  // Another phone is no companion of a phone: other shoppers' picks from the item's own shelf stay out.
  const others = companions.filter((c) => c.together.by === 'shoppers' && usable(c.item) && c.item.category !== category);
  const toSuggestion = (c: Companion): Suggestion => ({ item: c.item, reasons: [companionReason(turn, c, target.title)] });
  const shelves = (await shelfPicks(deps, query, target, category)).filter((s) => usable(s.item));
  const picks = merge([own.map(toSuggestion), others.map(toSuggestion), shelves], deps.limit);
  if (picks.length === 0 && shownBefore.size > 0) {
    turn.say('assistant:goes_with.no_more', { item: target.title }, [
      button(turn, 'assistant:buttons.similar', 'goes_with', { similar: kind }),
      button(turn, 'assistant:buttons.cart', 'view_cart'),
    ]);
    return;
  }
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
