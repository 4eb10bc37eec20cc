import type { DialogTurn } from '../../../core/dialog/dialog.ts';
import { NONE_INTENT } from '../../../core/nlu/recognizer.ts';
import type { Service } from '../../../core/reply.ts';
import { DIET_IMPLIES } from '../preferences.ts';
import { dislikeRoot } from '../extract.ts';
import type { ShoppingQuery } from '../ports.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { shopMemory, type LastRequest } from '../shop-memory.ts';
import { extractNeed, needsFood } from '../needs.ts';
import {
  asksForCheapest, asksForFood, extractBudget, extractExcludedTags, extractOccasion, extractPeople, extractProductText, extractRecommendText,
  extractAvoidedWords, extractRequiredTags, extractService,
} from '../extract.ts';

/** The constraints one message states, for a new request of `kind`. */
export function requestFromText(text: string, kind: LastRequest['kind']): LastRequest {
  const product = kind === 'search' ? extractProductText(text) : kind === 'recommend' ? extractRecommendText(text) : undefined;
  const request: LastRequest = {
    kind,
    requireTags: extractRequiredTags(text),
    excludeTags: extractExcludedTags(text),
  };
  const service = extractService(text);
  const occasion = extractOccasion(text);
  const need = extractNeed(text);
  const people = extractPeople(text);
  const budget = extractBudget(text);
  const avoid = extractAvoidedWords(text);
  if (avoid.length) request.avoid = avoid;
  if (service) request.service = service;
  if (occasion) request.occasion = occasion;
  if (need) request.need = need;
  if (asksForFood(text)) request.foodOnly = true;
  if (asksForCheapest(text)) request.cheapest = true;
  if (people) request.people = people;
  if (budget) request.budget = budget;
  if (product) request.text = product;
  if (/как\s+в\s+прошлый\s+раз|последн\p{L}*\s+заказ|last\s+(?:time|order)|same\s+as\s+(?:before|last)/iu.test(text)) request.mode = 'last';
  return request;
}

/**
 * A search for `product` with every constraint the message states ("купи корм без курицы в Мегамаркете до 500"), for
 * the paths that find a product outside the search dialog (fallback, "add X" for an item not shown).
 */
export function searchRequest(text: string, product: string): LastRequest {
  return { ...requestFromText(text, 'search'), kind: 'search', text: product };
}

/** Button arguments as request fields (`intent:recommend?occasion=dinner&service=kuper`). */
export function requestFromArgs(args: Readonly<Record<string, unknown>>): Partial<LastRequest> {
  const out: Partial<LastRequest> = {};
  if (typeof args.service === 'string') out.service = args.service as Service;
  if (typeof args.occasion === 'string') out.occasion = args.occasion;
  if (typeof args.need === 'string') out.need = args.need;
  if (typeof args.budget === 'string' && Number(args.budget) > 0) out.budget = Number(args.budget);
  if (typeof args.text === 'string') out.text = args.text;
  if (typeof args.mode === 'string' && (args.mode === 'last' || args.mode === 'usual')) out.mode = args.mode;
  return out;
}

/** Whether a message only refines the last request ("до 500", "на ужин", "в Купере", "без орехов"). */
export function refinesOnly(turn: DialogTurn): boolean {
  const r = requestFromText(turn.text, 'recommend');
  const said = r.service || r.occasion || r.need || r.people || r.budget || r.requireTags.length || r.excludeTags.length || r.avoid?.length;
  return Boolean(said) && !r.text;
}

/** Safety facts a shopper who never bought them should not be offered unasked (a vegan runner gets no sausage). */
const NEVER_UNASKED = ['meat', 'fish', 'contains_nuts'];

/**
 * What the purchase history says, for a recommendation the shopper did not narrow to a product: kinds of food they
 * never buy stay out, and the diet they almost always keep comes first. Naming a product ("колбаса") overrides both.
 */
async function addHabits(deps: ShopDeps, shopperId: string, query: ShoppingQuery): Promise<void> {
  const diet = (await deps.backend.profile(shopperId))?.diet;
  if (!diet) return;
  const never = diet.never.filter((tag) => NEVER_UNASKED.includes(tag) && !query.requireTags.includes(tag));
  query.excludeTags = [...new Set([...query.excludeTags, ...never])];
  if (diet.mostly.length) query.habitTags = [...diet.mostly];
}

/** The full query: this request plus the shopper's stated preferences, consent and past exclusions. */
export async function buildQuery(turn: DialogTurn, deps: ShopDeps, request: LastRequest): Promise<ShoppingQuery> {
  const memory = shopMemory(turn);
  const shopperId = turn.context.shopperId;
  const stated = [...memory.prefs, ...(shopperId ? await deps.backend.preferences(shopperId) : [])];
  const requireTags = new Set(request.requireTags);
  const excludeTags = new Set(request.excludeTags);
  const dislikes = new Set<string>();
  for (const p of stated) {
    if (p.kind === 'diet') {
      requireTags.add(p.value);
      for (const tag of DIET_IMPLIES[p.value] ?? []) excludeTags.add(tag);
    } else if (p.kind === 'exclude_tag') excludeTags.add(p.value);
    else if (p.kind === 'dislike') dislikes.add(dislikeRoot(p.value));
  }
  for (const word of request.avoid ?? []) dislikes.add(dislikeRoot(word));
  const personalize = Boolean(shopperId) && !memory.noPersonalization
    && (shopperId ? await deps.backend.personalizationAllowed(shopperId) : false);
  const query: ShoppingQuery = {
    locale: turn.locale,
    requireTags: [...requireTags],
    excludeTags: [...excludeTags],
    dislikes: [...dislikes],
    excludeItems: [...memory.excludeItems, ...(request.skip ?? [])],
    personalize,
    limit: deps.limit,
  };
  if (shopperId) query.shopperId = shopperId;
  if (personalize && shopperId && request.kind === 'recommend' && !request.text) await addHabits(deps, shopperId, query);
  if (request.service) query.service = request.service;
  if (request.text) query.text = request.text;
  if (request.occasion) query.occasion = request.occasion;
  if (request.need) query.need = request.need;
  if (request.foodOnly || needsFood(request.need, request.occasion)) query.foodOnly = true;
  // What this request itself names binds every item; the standing diet binds food only (see ShoppingQuery).
  if (request.requireTags.length) query.strictTags = [...request.requireTags];
  if (request.people) query.people = request.people;
  const bound = Math.min(request.budget ?? Infinity, request.maxPrice ?? Infinity);
  if (Number.isFinite(bound)) query.budget = bound;
  return query;
}

/** True when the recognizer found nothing it is sure about. */
export function unsure(turn: DialogTurn): boolean {
  return turn.recognition.intent.name === NONE_INTENT || turn.recognition.intent.confidence < 0.45;
}
