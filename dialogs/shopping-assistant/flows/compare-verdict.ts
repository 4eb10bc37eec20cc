import type { DialogTurn } from '../../../core/dialog/dialog.ts';
import { rub } from '../cards.ts';
import { keyOf, type ShopMemory, type ShownItem } from '../shop-memory.ts';

/** "какой лучше?", "что из них выбрать?", "which one is better?", "which would you take?": a verdict, not a side-by-side. */
export const WHICH_BETTER = /(?<!\p{L})(?:(?:как(?:ой|ая|ое|ую)|котор(?:ый|ое|ую|ая))\s+(?:(?:из\s+(?:них|двух|этих)|же|тогда|вс[её]-таки)\s+)*(?:лучше|выбрать|взять|брать|посоветуешь|посоветуете)|что\s+(?:из\s+(?:них|двух|этих)\s+)?лучше|which\s+(?:one\s+|of\s+(?:them|these|the\s+two)\s+)?(?:is\s+|'s\s+)?(?:better|best|should\s+i\s+(?:take|get|choose|pick|buy))|which\s+(?:one\s+)?would\s+you\s+(?:take|pick|choose|recommend|buy))(?!\p{L})/iu;

/** Reason codes that say an item answers the request itself (its words, occasion or need). */
const FITS_REQUEST = new Set(['matches_query', 'occasion', 'need', 'need_unnamed']);

/** What is known about one item: the conditions it meets, whether it fits the request, the shopper's orders of it. */
interface Known {
  item: ShownItem;
  conditions: number;
  fits: boolean;
  /** Orders of it in the history; -1 when bought but the count is unknown. */
  orders: number;
}

function know(item: ShownItem, required: readonly string[]): Known {
  let orders = 0;
  let fits = false;
  for (const r of item.reasons) {
    const count = Number(r.vars?.count);
    if (r.code === 'ordered_before' || r.code === 'usual_order') orders = Math.max(orders, Number.isFinite(count) ? count : 1);
    else if (r.code === 'last_order' && orders === 0) orders = 1;
    else if (r.code === 'text' && r.vars?.personal && orders === 0) orders = -1;
    if (FITS_REQUEST.has(r.code) || (r.code === 'text' && r.vars?.queryMatch)) fits = true;
  }
  return { item, conditions: required.filter((t) => (item.tags ?? []).includes(t)).length, fits, orders };
}

/** The points on which `a` beats `b`, most weighty first (as locale keys with their variables). */
function advantages(turn: DialogTurn, a: Known, b: Known, required: readonly string[]): Array<[string, Record<string, unknown>]> {
  const out: Array<[string, Record<string, unknown>]> = [];
  if (a.conditions > b.conditions) {
    const met = required.filter((t) => (a.item.tags ?? []).includes(t)).map((t) => turn.t(`assistant:facts.${t}`));
    out.push(['assistant:better_why.conditions', { facts: met.join(', ') }]);
  }
  if (a.fits && !b.fits) out.push(['assistant:better_why.request', {}]);
  if (a.orders !== 0 && b.orders === 0) out.push(['assistant:better_why.history', {}]);
  else if (a.orders > 0 && b.orders > 0 && a.orders > b.orders) out.push(['assistant:better_why.more_often', {}]);
  if (a.item.price < b.item.price) out.push(['assistant:better_why.cheaper', { diff: rub(turn, b.item.price - a.item.price) }]);
  return out;
}

/** Lexicographic weight: conditions met, fits the request, bought before (and how often), then the lower price. */
function beats(a: Known, b: Known): number {
  const bought = (k: Known) => (k.orders !== 0 ? 1 : 0);
  return (a.conditions - b.conditions) || (Number(a.fits) - Number(b.fits)) || (bought(a) - bought(b))
    || (a.orders > 0 && b.orders > 0 ? a.orders - b.orders : 0) || (b.item.price - a.item.price);
}

/**
 * "какой лучше?" after a side-by-side: weighs the two on what is known — the conditions the shopper set, whether each
 * answers the request, their history with each, the price — and says which and why in a sentence or two. Nothing
 * else is claimed: no quality is invented.
 */
export function sayWhichBetter(turn: DialogTurn, memory: ShopMemory, pair: readonly [ShownItem, ShownItem]): void {
  const required = [...new Set([...(memory.last?.requireTags ?? []), ...memory.prefs.filter((p) => p.kind === 'diet').map((p) => p.value)])];
  const [a, b] = pair.map((item) => know(item, required)) as [Known, Known];
  const order = beats(a, b);
  const buttons = pair.map((x) => ({
    title: `${turn.t('assistant:buttons.add')}: ${memory.shown.indexOf(x) + 1}`, payload: `intent:add_to_cart?item=${encodeURIComponent(keyOf(x))}`,
  }));
  memory.compared = [keyOf(pair[0]), keyOf(pair[1])];
  if (order === 0) return turn.say('assistant:better_tie', { a: a.item.title, b: b.item.title }, buttons);
  const [win, lose] = order > 0 ? [a, b] : [b, a];
  memory.focus = win.item;
  const why = advantages(turn, win, lose, required).slice(0, 2).map(([key, vars]) => turn.t(key, vars)).join(turn.t('assistant:better_and'));
  const parts = [turn.t('assistant:better', { title: win.item.title, why })];
  if (win.item.price > lose.item.price) parts.push(turn.t('assistant:better_but_cheaper', { other: lose.item.title, diff: rub(turn, win.item.price - lose.item.price) }));
  turn.reply({ type: 'text', text: parts.join(' '), quickReplies: buttons });
}
