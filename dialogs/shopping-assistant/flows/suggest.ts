import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import { complete, type Dialog, type DialogTurn } from '../../../core/dialog/dialog.ts';
import { createFormDialog } from '../../../core/dialog/form-dialog.ts';
import { findItemReference, resolveItemReference } from '../../../core/dialog/references.ts';
import { budgetSlot, customSlot } from '../../../core/dialog/slots.ts';
import type { Service } from '../../../core/reply.ts';
import { SERVICES } from '../../../core/reply.ts';
import { button, cardsReply, rub, toCard, toShown } from '../cards.ts';
import { fits } from '../constraints.ts';
import { extractAvoidedWords, extractExcludedTags, extractProductText, extractRequiredTags, extractService } from '../extract.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { keyOf, shopMemory, showItems, type LastRequest } from '../shop-memory.ts';
import { present } from './present.ts';
import { buildQuery, refinesOnly, requestFromArgs, requestFromText, searchRequest } from './query.ts';

function merge(base: LastRequest, extra: Partial<LastRequest>): LastRequest {
  const out: LastRequest = { ...base, requireTags: [...base.requireTags], excludeTags: [...base.excludeTags] };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (k === 'requireTags' || k === 'excludeTags' || k === 'avoid') out[k] = [...new Set([...(out[k] ?? []), ...(v as string[])])];
    else (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** "что взять на ужин на двоих до 1000 рублей в Самокате?" */
function recommendDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'recommend',
    intents: ['recommend'],
    run: async (turn, args) => {
      const request = merge(requestFromText(turn.text, 'recommend'), requestFromArgs(args));
      // "breakfast for the kids" where no kids' food is sold: children eat the usual breakfast, so the meal alone.
      if (request.need === 'kids' && request.occasion) {
        if (await present(turn, deps, request, undefined, { quietIfEmpty: true }) > 0) return;
        const { need: _need, ...meal } = request;
        return void await present(turn, deps, meal);
      }
      await present(turn, deps, request);
    },
  });
}

const tagsSlot = (name: string, extract: (text: string) => string[]) =>
  customSlot<string[]>(name, ({ text }) => {
    const tags = extract(text);
    return tags.length ? tags : undefined;
  });

/**
 * "найди безлактозное молоко": asks what to look for when the message does not say. "Show me vegan food under
 * 300" names no product, only constraints: that is a recommendation within them.
 */
function searchDialog(deps: ShopDeps): Dialog {
  const form = searchForm(deps);
  return {
    ...form,
    async begin(turn, args = {}) {
      const request = requestFromText(turn.text, 'recommend');
      const constrained = request.service || request.occasion || request.need || request.budget || request.requireTags.length || request.excludeTags.length;
      if (!args.text && !extractProductText(turn.text) && constrained) {
        await present(turn, deps, { ...request, kind: 'recommend' });
        return complete();
      }
      return form.begin(turn, args);
    },
  };
}

function searchForm(deps: ShopDeps): Dialog {
  return createFormDialog({
    id: 'search_product',
    intents: ['search_product'],
    initial: (_turn, args) => (typeof args.text === 'string' ? { query: args.text } : {}),
    slots: [
      {
        name: 'query', required: true, prompt: 'assistant:ask.search', reprompts: ['assistant:ask.search_again'],
        type: customSlot<string>('product', ({ text, asked }) => extractProductText(text) ?? (asked && text.trim().length > 1 ? text.trim() : undefined), { freeText: true }),
      },
      { name: 'service', type: customSlot<Service>('service', ({ text }) => extractService(text)) },
      { name: 'budget', type: budgetSlot },
      { name: 'require', type: tagsSlot('require', extractRequiredTags) },
      { name: 'exclude', type: tagsSlot('exclude', extractExcludedTags) },
      { name: 'avoid', type: tagsSlot('avoid', extractAvoidedWords) },
    ],
    complete: async (turn, values) => {
      const request: LastRequest = {
        kind: 'search', text: values.query as string,
        requireTags: (values.require as string[]) ?? [], excludeTags: (values.exclude as string[]) ?? [],
      };
      if (values.service) request.service = values.service as Service;
      if (values.budget) request.budget = values.budget as number;
      if (values.avoid) request.avoid = values.avoid as string[];
      await present(turn, deps, request);
    },
  });
}

/** "повтори мой обычный заказ в Купере", "как в прошлый раз". */
async function showReorder(turn: DialogTurn, deps: ShopDeps, request: LastRequest): Promise<void> {
  const memory = shopMemory(turn);
  const shopperId = turn.context.shopperId;
  memory.last = request;
  const found = shopperId
    ? await deps.backend.reorder({ shopperId, mode: request.mode ?? 'usual', limit: 10, ...(request.service ? { service: request.service } : {}) })
    : [];
  const query = await buildQuery(turn, deps, { ...request, kind: 'recommend' });
  const fitting = found.filter((s) => fits(s.item, { ...query, budget: undefined }));
  if (fitting.length === 0) {
    turn.say('assistant:reorder_none', { service: request.service ? ` ${turn.t(`assistant:in_service.${request.service}`)}` : '' },
      [button(turn, 'assistant:buttons.popular', 'recommend', request.service ? { service: request.service } : {})]);
    return;
  }
  showItems(memory, fitting.map((s) => toShown(turn, s)));
  const total = memory.shown.reduce((sum, s) => sum + s.price * (s.quantity ?? 1), 0);
  const text = turn.t(request.mode === 'last' ? 'assistant:reorder_last' : 'assistant:reorder_usual', { total: rub(turn, total) });
  memory.offer = { intent: 'add_to_cart', args: { all: '1' } };
  turn.reply(cardsReply(text, memory.shown.map((s, i) => toCard(turn, s, i)), [
    button(turn, 'assistant:buttons.add_all', 'add_to_cart', { all: 1 }),
    button(turn, 'assistant:buttons.cart', 'view_cart'),
  ]));
}

function reorderDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'reorder',
    intents: ['reorder'],
    run: async (turn, args) => {
      const said = requestFromText(turn.text, 'reorder');
      await showReorder(turn, deps, merge({ kind: 'reorder', requireTags: [], excludeTags: [], mode: said.mode ?? 'usual',
        ...(said.service ? { service: said.service } : {}) }, requestFromArgs(args)));
    },
  });
}

/** Words that ask for a lower price; without one, "а что-нибудь без молока?" is a refinement, not "cheaper". */
const CHEAPER_WORDS = /дешев|дешёв|недорог|бюджетн|эконом|cheap|less\s+expensive|lower\s+price|budget|save/iu;

/** "а подешевле?" / "а есть дешевле второго?" */
function cheaperDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'cheaper',
    intents: ['cheaper'],
    run: async (turn, args) => {
      if (turn.text && !CHEAPER_WORDS.test(turn.text) && refinesOnly(turn)) return refine(turn, deps, args);
      const memory = shopMemory(turn);
      // "самая дешёвая пицца" names a product of its own: its cheapest, not something cheaper than what was shown.
      const product = findItemReference(turn.text) ? undefined : extractProductText(turn.text);
      if (product && /\p{L}{3,}/u.test(product) && product !== memory.last?.text) {
        return void await present(turn, deps, { ...requestFromText(turn.text, 'search'), kind: 'search', text: product, cheapest: true });
      }
      if (!memory.last || memory.shown.length === 0) return turn.say('assistant:nothing_shown', {}, [button(turn, 'assistant:buttons.popular', 'recommend')]);
      const ref = resolveItemReference(findItemReference(turn.text), memory.shown, memory.focus);
      const base: LastRequest = memory.last.kind === 'reorder'
        ? { kind: 'recommend', requireTags: [], excludeTags: [], ...(memory.last.service ? { service: memory.last.service } : {}) }
        : memory.last;
      // Strictly cheaper: whole roubles stay whole ("до 88 ₽"), fractional prices step by a kopeck.
      const below = (price: number) => (Number.isInteger(price) ? price - 1 : price - 0.01);
      if (ref) return void await present(turn, deps, { ...base, maxPrice: below(ref.price) }, 'assistant:cheaper_intro');
      const cheapest = Math.min(...memory.shown.map((s) => s.price));
      const first = memory.shown[0]!;
      const shown = memory.shown.map(keyOf);
      // Cheaper than everything shown; when the cheapest shown is already the floor ("cat food" from 39 ₽), cheaper
      // alternatives to the first suggestion, not shown yet, rather than a flat "nothing cheaper".
      const fallback = first.price > cheapest;
      const found = await present(turn, deps, { ...base, maxPrice: below(cheapest) }, 'assistant:cheaper_intro', { quietIfEmpty: fallback });
      if (found === 0 && fallback) {
        await present(turn, deps, { ...base, maxPrice: below(first.price), skip: shown }, 'assistant:cheaper_than_first');
      }
    },
  });
}

/** "а в Купере?" — the same request in another service. */
function otherServiceDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'other_service',
    intents: ['other_service'],
    run: async (turn, args) => {
      const memory = shopMemory(turn);
      const service = extractService(turn.text) ?? (SERVICES.includes(args.service as Service) ? (args.service as Service) : undefined);
      if (!service) {
        const others = SERVICES.filter((s) => s !== memory.last?.service);
        return turn.say('assistant:ask.service', {}, others.map((s) => ({
          title: turn.t(`common:services.${s}`), payload: `intent:other_service?service=${s}`,
        })));
      }
      // "подгузники в Купере" as a first message names a product: a search there, not popular picks.
      const product = memory.last ? undefined : extractProductText(turn.text);
      if (product && /\p{L}{3,}/u.test(product)) return void await present(turn, deps, searchRequest(turn.text, product));
      const last: LastRequest = memory.last ?? { kind: 'recommend', requireTags: [], excludeTags: [] };
      const { maxPrice: _drop, skip: _skip, ...rest } = last;
      if (last.kind === 'reorder') return showReorder(turn, deps, { ...rest, service });
      // "а что есть в Мегамаркете до 3000?": whatever else the message says refines the request too.
      const { text: _text, kind: _kind, service: _service, ...said } = requestFromText(turn.text, last.kind);
      await present(turn, deps, merge({ ...rest, service }, said));
    },
  });
}

/** "до 500", "на ужин", "без орехов" after suggestions: the same request, refined. */
function refineDialog(deps: ShopDeps): Dialog {
  return createActionDialog({ id: 'refine', intents: ['refine'], run: (turn, args) => refine(turn, deps, args) });
}

async function refine(turn: DialogTurn, deps: ShopDeps, args: Readonly<Record<string, unknown>>): Promise<void> {
  const memory = shopMemory(turn);
  const said = requestFromText(turn.text, memory.last?.kind ?? 'recommend');
  const { text: _text, kind: _kind, ...constraints } = said;
  const base: LastRequest = memory.last ?? { kind: 'recommend', requireTags: [], excludeTags: [] };
  const { maxPrice: _drop, skip: _skip, ...rest } = base;
  const request = merge(merge(rest, constraints), requestFromArgs(args));
  if (request.kind === 'reorder') return showReorder(turn, deps, request);
  await present(turn, deps, request);
}

/** The suggestion dialogs: recommend, search, reorder and their follow-ups. */
export function suggestionDialogs(deps: ShopDeps): Dialog[] {
  return [recommendDialog(deps), searchDialog(deps), reorderDialog(deps), cheaperDialog(deps), otherServiceDialog(deps), refineDialog(deps)];
}
