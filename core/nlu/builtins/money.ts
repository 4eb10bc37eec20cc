import { memo } from '../memo.ts';
import type { Token } from '../text.ts';
import { entityOver, phraseBefore } from './builtin-entity.ts';
import type { BuiltinMatch } from './builtin-entity.ts';
import type { NumberMatch } from './numbers.ts';

/** A price or budget: `bound` says whether the amount is a ceiling, a floor or the price itself. */
export interface Money {
  amount: number;
  currency: string;
  bound: 'max' | 'min' | 'exact';
  /** The lower end of a range ("от 100 до 500 рублей"). */
  min?: number;
}

const CURRENCY: [RegExp, string][] = [
  [/^(руб|рубль|рубля|рублей|рублям|рублями|рубликов|р|₽|rub|rur|rubles?|roubles?|деревянных)$/, 'RUB'],
  [/^(доллар|доллара|долларов|бакс|бакса|баксов|\$|usd|dollars?|bucks?)$/, 'USD'],
  [/^(евро|€|eur|euros?)$/, 'EUR'],
];

const MAX = ['до', 'не дороже', 'не больше', 'не более', 'дешевле', 'дешевле чем', 'меньше', 'меньше чем', 'в пределах',
  'максимум', 'макс', 'не выше', 'ниже', 'бюджет', 'бюджет до', 'в рамках', 'under', 'below', 'less than', 'up to', 'no more than',
  'not more than', 'max', 'maximum', 'within', 'cheaper than', 'at most', 'budget', 'budget of', 'a budget of', 'не дороже чем',
  'no more than', 'less then', 'under than'];
const MIN = ['от', 'дороже', 'дороже чем', 'больше', 'более', 'не дешевле', 'не меньше', 'минимум', 'выше', 'свыше', 'over',
  'above', 'more than', 'at least', 'from', 'starting at', 'starting from', 'min', 'minimum', 'pricier than'];
const EXACT = ['за', 'по', 'около', 'примерно', 'где-то', 'for', 'around', 'about', 'at', 'costs', 'стоимостью', 'ценой'];
// Without a currency word a number is money only after a phrase that can only mean price.
const PRICE_ONLY = ['не дороже', 'дешевле', 'дешевле чем', 'не дешевле', 'дороже', 'дороже чем', 'в пределах', 'бюджет',
  'бюджет до', 'cheaper than', 'pricier than', 'budget', 'budget of', 'a budget of', 'не дороже чем'];

/** The currency code a folded token names, if any. */
export const currencyOf = memo((norm: string): string | undefined => CURRENCY.find(([re]) => re.test(norm))?.[1]);

/** Finds prices and budgets: "до 500 рублей", "не дороже 1000 ₽", "under 20 dollars", "$20", "от 100 до 300 р". */
export function findMoney(text: string, tokens: readonly Token[], numbers: readonly NumberMatch[]): BuiltinMatch[] {
  const out: BuiltinMatch[] = [];
  for (const n of numbers) {
    let from = n.from;
    let to = n.to;
    let currency = tokens[to + 1] ? currencyOf(tokens[to + 1]!.norm) : undefined;
    if (currency) {
      to++;
      if (tokens[to + 1]?.norm === '.' && tokens[to]!.norm === 'р') to++;
    } else if (tokens[from - 1] && currencyOf(tokens[from - 1]!.norm) && tokens[from - 1]!.kind === 'punct') {
      currency = currencyOf(tokens[from - 1]!.norm);
      from--;
    }
    const bound = boundBefore(tokens, from);
    if (!currency && !(bound && PRICE_ONLY.includes(bound.phrase))) continue;
    const post = boundAfter(tokens, to);
    const kind = bound ? boundKind(bound.phrase) : post ? post.kind : 'exact';
    if (!bound && post) to = post.to;
    const money: Money = { amount: n.value, currency: currency ?? 'RUB', bound: kind };
    const start = bound ? bound.from : from;
    const previous = out.at(-1);
    // "от 100 до 500 рублей": the floor without a currency joins the ceiling after it.
    const range = rangeFloor(tokens, numbers, n, start);
    if (range && kind === 'max') {
      money.min = range.value;
      if (previous && previous.from >= range.from) out.pop();
      out.push(entityOver(text, tokens, range.from, to, 'money', money));
      continue;
    }
    out.push(entityOver(text, tokens, start, to, 'money', money));
  }
  return out;
}

function boundBefore(tokens: readonly Token[], i: number): { phrase: string; from: number } | undefined {
  return phraseBefore(tokens, i, [...MAX, ...MIN, ...EXACT]);
}

function boundKind(phrase: string): Money['bound'] {
  if (MAX.includes(phrase)) return 'max';
  if (MIN.includes(phrase)) return 'min';
  return 'exact';
}

function rangeFloor(tokens: readonly Token[], numbers: readonly NumberMatch[], n: NumberMatch, start: number):
  { value: number; from: number } | undefined {
  const floor = numbers.find((m) => m.to === start - 1 && m !== n);
  if (!floor) return undefined;
  const before = phraseBefore(tokens, floor.from, ['от', 'from', 'between']);
  if (!before) return undefined;
  return { value: floor.value, from: before.from };
}

const POST_MAX = ['max', 'максимум', 'макс', 'or less', 'или меньше', 'или дешевле', 'tops', 'at most', 'не больше'];
const POST_MIN = ['or more', 'и больше', 'или больше', 'минимум', 'и выше', 'min', 'at least', 'plus'];

// "$20 max", "500 рублей максимум": the bound can follow the amount.
function boundAfter(tokens: readonly Token[], to: number): { kind: Money['bound']; to: number } | undefined {
  for (const [list, kind] of [[POST_MAX, 'max'], [POST_MIN, 'min']] as const) {
    for (const phrase of list) {
      const words = phrase.split(' ');
      if (words.every((w, k) => tokens[to + 1 + k]?.norm === w)) return { kind, to: to + words.length };
    }
  }
  return undefined;
}
