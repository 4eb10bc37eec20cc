import { categoryName } from '../../catalog/category-names.ts';
import type { Service } from '../../reply.ts';
import type { Explanation } from './types.ts';

/** An i18next-like translate function: `t('reco.reason.repurchase', { n: 5 })`; return the key when missing. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

type Locale = 'ru' | 'en';

const SERVICE_NAMES: Record<Locale, Record<Service, string>> = {
  ru: { samokat: 'Самокате', megamarket: 'Мегамаркете', kuper: 'Купере' },
  en: { samokat: 'Samokat', megamarket: 'Megamarket', kuper: 'Kuper' },
};

const TAG_NAMES: Record<Locale, Record<string, string>> = {
  ru: { vegan: 'веганское', vegetarian: 'вегетарианское', lactose_free: 'без лактозы', gluten_free: 'без глютена',
    sugar_free: 'без сахара', organic: 'органическое', halal: 'халяль', kids: 'для детей' },
  en: { vegan: 'vegan', vegetarian: 'vegetarian', lactose_free: 'lactose-free', gluten_free: 'gluten-free',
    sugar_free: 'sugar-free', organic: 'organic', halal: 'halal', kids: 'for kids' },
};

/** Russian plural form: 1 день, 2 дня, 5 дней. */
function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10; const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 10 || mod100 >= 20)) return few;
  return many;
}

function days(n: number, locale: Locale): string {
  return locale === 'ru' ? `${n} ${ruPlural(n, 'день', 'дня', 'дней')}` : `${n} ${n === 1 ? 'day' : 'days'}`;
}

function ago(n: number, locale: Locale): string {
  if (n === 0) return locale === 'ru' ? 'сегодня' : 'today';
  return locale === 'ru' ? `${days(n, locale)} назад` : `${days(n, locale)} ago`;
}

/** Built-in Russian and English templates for each reason kind. */
function builtIn(explanation: Explanation, locale: Locale): string {
  const { reason } = explanation;
  const ru = locale === 'ru';
  switch (reason.kind) {
    case 'repurchase': {
      const f = reason.facts;
      if (f.everyDays !== undefined) {
        return ru ? `вы берёте это примерно раз в ${days(f.everyDays, locale)}; последний раз — ${ago(f.daysSinceLast, locale)}`
          : `you order this about every ${days(f.everyDays, locale)}; last time ${ago(f.daysSinceLast, locale)}`;
      }
      return ru ? `вы уже заказывали это ${ago(f.daysSinceLast, locale)}` : `you ordered this ${ago(f.daysSinceLast, locale)}`;
    }
    case 'bought_together': {
      if (ru) return `те, кто берёт ваш привычный товар «${reason.facts.anchorTitle}», берут и это`;
      // An English reply never quotes a Russian title: without an English one the item goes unnamed.
      const en = reason.facts.anchorTitleEn;
      return en ? `people who buy your usual “${en}” also take this` : 'people who buy one of your usual items also take this';
    }
    case 'similar_shoppers':
      return ru ? `это покупают ${reason.facts.shoppers} ${ruPlural(reason.facts.shoppers, 'покупатель', 'покупателя', 'покупателей')} с похожими вкусами`
        : `${reason.facts.shoppers} ${reason.facts.shoppers === 1 ? 'shopper' : 'shoppers'} with tastes like yours buy this`;
    case 'query_match':
      // Without a shared word the only true claim is closeness in meaning.
      if (reason.facts.matchedWords.length === 0) {
        return ru ? `близко по смыслу к «${reason.facts.query}»` : `close in meaning to “${reason.facts.query}”`;
      }
      return ru ? `подходит под «${reason.facts.matchedWords.join(' ')}»` : `matches “${reason.facts.matchedWords.join(' ')}”`;
    case 'cross_service':
      if (ru) return `похоже на «${reason.facts.anchorTitle}», который вы берёте в ${SERVICE_NAMES.ru[reason.facts.fromService]}`;
      return reason.facts.anchorTitleEn ? `like “${reason.facts.anchorTitleEn}” you buy on ${SERVICE_NAMES.en[reason.facts.fromService]}`
        : `like what you buy on ${SERVICE_NAMES.en[reason.facts.fromService]}`;
    case 'popular':
      return ru ? `популярно: купили ${reason.facts.buyers} ${ruPlural(reason.facts.buyers, 'покупатель', 'покупателя', 'покупателей')}`
        : `popular: bought by ${reason.facts.buyers} ${reason.facts.buyers === 1 ? 'shopper' : 'shoppers'}`;
    case 'catalog': {
      // The shelf in the reply's language (its last level), or unnamed when it has no English name.
      const name = categoryName(reason.facts.category, locale);
      if (ru) return `из раздела «${name ?? reason.facts.category}»`;
      return name ? `from the “${name}” section` : 'from the catalog';
    }
  }
}

function constraintText(explanation: Explanation, locale: Locale): string[] {
  const parts = explanation.constraints.tags.map((tag) => TAG_NAMES[locale][tag] ?? tag);
  if (explanation.constraints.underBudget !== undefined) {
    parts.push(locale === 'ru' ? `до ${explanation.constraints.underBudget} ₽` : `under ${explanation.constraints.underBudget} ₽`);
  }
  return parts;
}

/**
 * Renders an explanation in Russian or English. With `t`, the key `reco.reason.<kind>` (variables: the facts,
 * plus `constraints`) is tried first and the built-in template is used when `t` returns the key itself.
 */
export function renderExplanation(explanation: Explanation, locale: Locale = 'ru', t?: Translate): string {
  const extra = constraintText(explanation, locale);
  const joined = extra.join(', ');
  if (t) {
    const key = `reco.reason.${explanation.reason.kind}`;
    const vars: Record<string, string | number> = { constraints: joined };
    for (const [name, value] of Object.entries(explanation.reason.facts)) {
      vars[name] = Array.isArray(value) ? value.join(' ') : typeof value === 'boolean' ? String(value) : value as string | number;
    }
    const text = t(key, vars);
    if (text !== key) return text;
  }
  const main = builtIn(explanation, locale);
  if (extra.length === 0) return main;
  return locale === 'ru' ? `${main}; ${joined}` : `${main}; ${joined}`;
}
