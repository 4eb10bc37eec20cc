import type { DialogTurn } from '../../../core/dialog/dialog.ts';
import { intentPayload } from '../../../core/dialog/payload.ts';
import { SERVICES, type QuickReply } from '../../../core/reply.ts';
import { fits, hasFact, isFood } from '../constraints.ts';
import { suitsOccasion } from '../occasions.ts';
import { matchesAll, matchScore, namesHead, stems } from '../text-match.ts';
import { button, cardsReply, rub, serviceName, toCard, toShown } from '../cards.ts';
import type { ShoppingQuery, Suggestion } from '../ports.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { shopMemory, keyOf, showItems, type LastRequest } from '../shop-memory.ts';
import { buildQuery } from './query.ts';

/** Whether a suggestion is the thing the request named: its words, or the recommender's word match. */
function answersText(s: Suggestion, words: readonly string[]): boolean {
  return matchScore(s.item, words) >= 0.5 || s.reasons.some((r) => r.vars?.queryMatch === true);
}

/**
 * What a recommendation may show: the named product when the catalog has it ("recommend some wine" is wine, not
 * wine padded with popular apples), and only what suits the occasion when no product was named.
 */
function relevant(found: readonly Suggestion[], request: LastRequest): readonly Suggestion[] {
  if (request.kind === 'search' && request.text) {
    // "cat food" is cat food: cat litter and dog food share a word, and are shown only when nothing has them all.
    const words = stems(request.text);
    const whole = found.filter((s) => matchesAll(s.item, words));
    if (whole.length > 0) return whole;
    // "зарядка для айфона": chargers, when there are any, not the iPhone cases that share the other word.
    const headed = found.filter((s) => namesHead(s.item, words));
    return headed.length > 0 ? headed : found;
  }
  if (request.kind !== 'recommend') return found;
  if (request.text) {
    const words = stems(request.text);
    const named = found.filter((s) => answersText(s, words));
    // "корм для кошки" is cat food: what has every word comes before what shares one ("корм для собак").
    const whole = named.filter((s) => matchesAll(s.item, words));
    return whole.length > 0 ? whole : named.length > 0 ? named : found;
  }
  return request.occasion ? found.filter((s) => suitsOccasion(s.item, request.occasion)) : found;
}

/**
 * The last gate before anything is shown: every item must fit every constraint and answer the request; a
 * recommendation also keeps its total within the budget and varies categories.
 */
export function select(found: readonly Suggestion[], query: ShoppingQuery, request: LastRequest, limit: number): Suggestion[] {
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const perCategory = new Map<string, number>();
  let total = 0;
  const recommend = request.kind === 'recommend';
  const candidates = relevant(found, request);
  // "самая дешёвая пицца": the same relevant items, the lowest prices first (a stable sort keeps ties in rank order).
  const habits = query.habitTags ?? [];
  const keepsHabits = (s: Suggestion) => !isFood(s.item) || habits.every((tag) => hasFact(s.item, tag));
  // The shopper's own diet ("mostly vegan"): a few fitting picks beat padding with cottage cheese; the rest only when
  // almost nothing fits.
  const kept = habits.length ? candidates.filter(keepsHabits) : candidates;
  const byHabit = kept.length >= 2 ? kept : [...kept, ...candidates.filter((s) => !keepsHabits(s))];
  const ordered = request.cheapest ? [...byHabit].sort((a, b) => a.item.price - b.item.price) : byHabit;
  for (const s of ordered) {
    const key = `${s.item.service}:${s.item.id}`;
    if (seen.has(key) || !fits(s.item, query)) continue;
    // A budget for a task ("dinner under 1000") is the basket's; for a named product ("headphones under 5000"), each item's.
    if (recommend && !request.text && request.budget !== undefined && total + s.item.price > request.budget) continue;
    const count = perCategory.get(s.item.category) ?? 0;
    if (recommend && !request.text && count >= 2) continue;
    seen.add(key);
    perCategory.set(s.item.category, count + 1);
    total += s.item.price;
    out.push(s);
    if (out.length >= limit) break;
  }
  return out;
}

/** "в Самокате, на ужин, на 2 персоны, до 1 000 ₽, веган" */
function summary(turn: DialogTurn, request: LastRequest): string {
  const parts: string[] = [];
  if (request.service) parts.push(turn.t(`assistant:in_service.${request.service}`));
  if (request.occasion) parts.push(turn.t(`assistant:summary_occasions.${request.occasion}`));
  if (request.need) parts.push(turn.t(`assistant:needs.${request.need}`));
  if (request.people) parts.push(turn.t('assistant:summary.people', { count: request.people }));
  const bound = Math.min(request.budget ?? Infinity, request.maxPrice ?? Infinity);
  if (Number.isFinite(bound)) parts.push(turn.t('assistant:summary.budget', { amount: rub(turn, bound) }));
  for (const tag of [...request.requireTags, ...request.excludeTags.map((t) => `no_${t}`)]) {
    parts.push(turn.t(`assistant:tags.${tag}`, { defaultValue: tag }));
  }
  for (const word of request.avoid ?? []) parts.push(turn.t('assistant:summary.without', { word }));
  return parts.join(', ');
}

function followUps(turn: DialogTurn, request: LastRequest, first: string): QuickReply[] {
  const buttons = [
    button(turn, 'assistant:buttons.add_first', 'add_to_cart', { item: first }),
    button(turn, 'assistant:buttons.cheaper', 'cheaper'),
    button(turn, 'assistant:buttons.why_first', 'why_recommended', { n: 1 }),
  ];
  if (!request.service) buttons.push(button(turn, 'assistant:buttons.other_service', 'other_service'));
  else buttons.push(button(turn, 'assistant:buttons.cart', 'view_cart'));
  return buttons;
}

/** A price rounded down to two significant digits (13 990 -> 13 000), for budget buttons. */
function roundDown(price: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(price, 1))) - 1);
  return Math.floor(price / unit) * unit;
}

/**
 * Budget buttons: a task's basket (dinner) gets the usual totals; a named product gets bounds from the prices shown,
 * so headphones from 11 000 ₽ are not offered "under 500 ₽".
 */
function budgetChoices(request: LastRequest, prices: readonly number[]): number[] {
  if (!request.text || prices.length === 0) return [500, 1000, 2000];
  const sorted = [...prices].sort((a, b) => a - b);
  const picks = [sorted[0]!, sorted[Math.floor((sorted.length - 1) / 2)]!, sorted[sorted.length - 1]!].map(roundDown);
  return [...new Set(picks.filter((p) => p > 0))];
}

/** One useful question for a shopper we know little about: the occasion first, then the budget. */
function usefulQuestion(turn: DialogTurn, request: LastRequest, prices: readonly number[]): { text: string; buttons: QuickReply[] } | undefined {
  // A need ("подарок ребёнку", "от головной боли") already says what it is for.
  if (request.kind !== 'recommend' || request.need) return undefined;
  if (!request.occasion && !request.text) {
    return {
      text: turn.t('assistant:ask.occasion'),
      buttons: ['dinner', 'breakfast', 'party', 'snack'].map((o) => ({
        title: turn.t(`assistant:occasions_button.${o}`), payload: `intent:refine?occasion=${o}`,
      })),
    };
  }
  if (request.budget === undefined) {
    return {
      text: turn.t('assistant:ask.budget'),
      buttons: budgetChoices(request, prices).map((b) => ({ title: turn.t('assistant:summary.budget', { amount: rub(turn, b) }), payload: `intent:refine?budget=${b}` })),
    };
  }
  return undefined;
}

/** The (spelling-corrected) words a search result matched, when the backend says. */
function searchedText(s: Suggestion): string | undefined {
  const query = s.reasons.find((r) => r.code === 'matches_query')?.vars?.query;
  return typeof query === 'string' ? query : undefined;
}

/**
 * "Recommend some wine at Kuper" when Kuper has none (or none within the budget or diet): the catalog knows the product,
 * so the honest answer is that nothing fits here, not popular picks padded in its place. Words the catalog does
 * not know ("что-нибудь вкусное") name no product, and popular picks are fine.
 */
async function namedButUnfit(deps: ShopDeps, found: readonly Suggestion[], query: ShoppingQuery, request: LastRequest): Promise<boolean> {
  if (request.kind !== 'recommend' || !request.text) return false;
  const words = stems(request.text);
  if (found.some((s) => answersText(s, words) && fits(s.item, query))) return false;
  const anywhere: ShoppingQuery = {
    locale: query.locale, text: request.text, requireTags: [], excludeTags: [], dislikes: [], excludeItems: [], personalize: false, limit: 1,
  };
  // Only the product itself counts: every word, or the first ("ноутбук для учёбы"), as a whole word (as the search
  // corrected it), not a shared root.
  return (await deps.backend.search({ ...anywhere, limit: 10 })).some((s) => {
    const words = stems(searchedText(s) ?? request.text!);
    return matchesAll(s.item, words, true) || matchesAll(s.item, words.slice(0, 1), true);
  });
}

/** Runs a request and shows its cards (or says why nothing fits), remembering what was shown. */
export async function present(
  turn: DialogTurn, deps: ShopDeps, request: LastRequest, introKey?: string, options: { quietIfEmpty?: boolean; noQuestion?: boolean } = {},
): Promise<number> {
  const memory = shopMemory(turn);
  const query = await buildQuery(turn, deps, request);
  let found = request.kind === 'search' ? await deps.backend.search(query) : await deps.backend.recommend(query);
  if (await namedButUnfit(deps, found, query, request)) found = [];
  const selected = select(found, query, request, deps.limit);
  if (selected.length === 0 && options.quietIfEmpty) return 0;
  memory.last = request;
  if (selected.length === 0) {
    const said = summary(turn, request);
    // Nothing for this dinner (or need) in this service: say so and offer the others, where it may be.
    if (request.service && (request.occasion || request.need || request.text) && request.maxPrice === undefined) {
      turn.say('assistant:none_in_service', { constraints: said ? ` (${said})` : '' }, SERVICES.filter((s) => s !== request.service)
        .map((s) => ({ title: serviceName(turn, s), payload: intentPayload('other_service', { service: s }) })));
      return 0;
    }
    const key = request.maxPrice !== undefined ? 'assistant:no_cheaper' : 'assistant:no_results';
    turn.say(key, { constraints: said ? ` (${said})` : '', query: request.text ?? '' }, [
      button(turn, 'assistant:buttons.popular', 'recommend'),
      button(turn, 'assistant:buttons.help', 'help'),
    ]);
    return 0;
  }
  showItems(memory, selected.map((s) => toShown(turn, s)));
  memory.focus = undefined;
  const personal = selected.some((s) => s.reasons.some((r) => ['ordered_before', 'viewed_before', 'likes_category'].includes(r.code)
    || r.vars?.personal === true));
  const said = summary(turn, request);
  const intro = introKey ?? (request.kind === 'search' ? 'assistant:found' : personal ? 'assistant:recommend_personal' : 'assistant:recommend_popular');
  let text = turn.t(intro, { constraints: said ? ` (${said})` : '', query: request.text ?? '' });
  if (request.kind === 'recommend' && !request.text && request.budget !== undefined) {
    const total = selected.reduce((sum, s) => sum + s.item.price, 0);
    text += ' ' + turn.t('assistant:total', { amount: rub(turn, total) });
  }
  let quick = followUps(turn, request, keyOf(memory.shown[0]!));
  // The next page of the same request ("покажи ещё") does not ask its question again.
  const question = personal || options.noQuestion ? undefined : usefulQuestion(turn, request, selected.map((s) => s.item.price));
  if (question) quick = question.buttons;
  const cards = memory.shown.map((s, i) => toCard(turn, s, i));
  if (deps.narrator && request.kind === 'recommend') {
    // The LLM introduces the selection from its facts only; the cards and the question stay exact.
    turn.reply(deps.narrator.narrate({
      locale: turn.locale, request: turn.text, constraints: said, fallback: text,
      items: cards.map((c) => `${c.title} — ${serviceName(turn, c.service)} — ${rub(turn, c.price)}${c.reason ? ` — ${c.reason}` : ''}`),
      signal: turn.context.signal,
    }));
    turn.reply(cardsReply(question?.text ?? '', cards, quick));
    return selected.length;
  }
  if (question) text += '\n' + question.text;
  turn.reply(cardsReply(text, cards, quick));
  return selected.length;
}

/** The service of a request, named for a sentence ("в Купере"). */
export function inService(turn: DialogTurn, request: LastRequest): string {
  return request.service ? serviceName(turn, request.service) : '';
}
