import type { DialogTurn } from '../../../core/dialog/dialog.ts';
import { findItemReference } from '../../../core/dialog/references.ts';
import { button, cardsReply, rub, serviceName, toCard } from '../cards.ts';
import { keyOf, type ShopMemory, type ShownItem } from '../shop-memory.ts';
import { sayWhichBetter, WHICH_BETTER } from './compare-verdict.ts';

const COUNT_TWO = /(?<!\p{L})(?:два|две|двух|оба|обе|two|both)(?!\p{L})/iu;

/**
 * Which two shown items a comparison means: the ordinals it names ("первый и третий"), else the two compared last
 * ("какой лучше?" right after a side-by-side), else the first two.
 */
function comparedPair(text: string, memory: ShopMemory): [ShownItem, ShownItem] | undefined {
  const indexes: number[] = [];
  const last = memory.compared?.map((key) => memory.shown.findIndex((s) => keyOf(s) === key));
  for (const word of text.split(/[\s,.!?;:]+/u)) {
    const reference = findItemReference(word);
    if (reference?.kind === 'index' && !indexes.includes(reference.index)) indexes.push(reference.index);
    if (reference?.kind === 'last' && !indexes.includes(memory.shown.length - 1)) indexes.push(memory.shown.length - 1);
  }
  // "первые два" / "the first two": one ordinal with a count of two starts a pair.
  if (indexes.length === 1 && COUNT_TWO.test(text)) indexes.push(indexes[0]! + 1);
  if (indexes.length === 1) indexes.unshift(indexes[0] === 0 ? 1 : 0);
  const [i, j] = indexes.length >= 2 ? indexes : last && last.every((k) => k >= 0) ? last : [0, 1];
  const a = memory.shown[Math.min(i!, j!)];
  const b = memory.shown[Math.max(i!, j!)];
  return a && b && a !== b ? [a, b] : undefined;
}

/** Diet and safety facts worth stating in a comparison, as the catalog tags them. */
const FACTS = ['vegan', 'vegetarian', 'lactose_free', 'gluten_free', 'sugar_free', 'halal', 'organic', 'contains_nuts', 'alcohol'];

/** One compared item: its price, service and catalog facts — nothing that is not in the data. */
function compareLine(turn: DialogTurn, item: ShownItem, position: number): string {
  const facts = (item.tags ?? []).filter((t) => FACTS.includes(t)).map((t) => turn.t(`assistant:facts.${t}`));
  return turn.t('assistant:compare_line', {
    n: position + 1, title: item.title, price: rub(turn, item.price), service: serviceName(turn, item.service),
    facts: facts.length ? `; ${facts.join(', ')}` : '',
  });
}

/** "сравни первые два", "чем отличаются?": both cards side by side with the price difference and their facts. */
export function compareShown(turn: DialogTurn, memory: ShopMemory): void {
  memory.offer = undefined;
  const pair = comparedPair(turn.text, memory);
  if (!pair) {
    turn.say('assistant:compare_needs_two', {}, [button(turn, 'assistant:buttons.popular', 'recommend')]);
    return;
  }
  if (WHICH_BETTER.test(turn.text)) return void sayWhichBetter(turn, memory, pair);
  comparePair(turn, memory, pair);
}

/** Two shown items side by side: both cards, the price difference and their catalog facts. */
export function comparePair(turn: DialogTurn, memory: ShopMemory, pair: [ShownItem, ShownItem]): void {
  const [a, b] = pair;
  memory.compared = [keyOf(a), keyOf(b)];
  const positions = pair.map((x) => memory.shown.indexOf(x));
  const [cheap, dear] = a.price <= b.price ? [a, b] : [b, a];
  const verdict = a.price === b.price
    ? turn.t('assistant:compare_same_price')
    : turn.t('assistant:compare', { cheaper: cheap.title, dearer: dear.title, diff: rub(turn, dear.price - cheap.price) });
  const text = [turn.t('assistant:compare_head'), compareLine(turn, a, positions[0]!), compareLine(turn, b, positions[1]!), verdict].join('\n');
  turn.reply(cardsReply(text, [toCard(turn, a, positions[0]!), toCard(turn, b, positions[1]!)], pair.map((x, k) => ({
    title: `${turn.t('assistant:buttons.add')}: ${positions[k]! + 1}`, payload: `intent:add_to_cart?item=${encodeURIComponent(keyOf(x))}`,
  }))));
}
