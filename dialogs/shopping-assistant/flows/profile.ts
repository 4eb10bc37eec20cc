import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import { categoryName } from '../../../core/catalog/category-names.ts';
import type { Dialog, DialogTurn } from '../../../core/dialog/dialog.ts';
import { createFormDialog } from '../../../core/dialog/form-dialog.ts';
import { button, cardsReply, reasonsText, serviceName, toCard } from '../cards.ts';
import { fits } from '../constraints.ts';
import { extractDislike, extractProductText } from '../extract.ts';
import { extractNeed } from '../needs.ts';
import { asksForGoods, namesOnlyPet, obsoletePetPreferences, petChange, petPreferences, type PetChange } from '../pets.ts';
import { preferencesIn } from '../preferences.ts';
import type { StatedPreference } from '../ports.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { keyOf, shopMemory, type ShownItem } from '../shop-memory.ts';
import { present } from './present.ts';
import { buildQuery, requestFromText, searchRequest } from './query.ts';
import { referencedItem } from './cart.ts';

function pickShown(turn: DialogTurn, args: Record<string, unknown>): ShownItem | undefined {
  const memory = shopMemory(turn);
  if (typeof args.n === 'string') return memory.shown[Number(args.n) - 1];
  return referencedItem(turn, memory) ?? memory.focus ?? memory.shown[0];
}

/** "почему это?": the grounded reason of the item, and the constraints it satisfies. */
function whyDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'why_recommended',
    intents: ['why_recommended'],
    run: async (turn, args) => {
      const item = pickShown(turn, args);
      if (!item) return turn.say('assistant:nothing_shown', {}, [button(turn, 'assistant:buttons.popular', 'recommend')]);
      const memory = shopMemory(turn);
      memory.focus = item;
      const reason = item.reasons.length ? reasonsText(turn, item.reasons) : turn.t('assistant:reasons.in_cart');
      const query = memory.last ? await buildQuery(turn, deps, memory.last) : undefined;
      const notes: string[] = [];
      // Only the conditions this item meets: a later request (a cheaper one that found nothing) may not cover it.
      if (query?.budget !== undefined && item.price <= query.budget) notes.push(turn.t('assistant:why_budget', { amount: query.budget }));
      for (const tag of query?.requireTags ?? []) notes.push(turn.t(`assistant:tags.${tag}`, { defaultValue: tag }));
      for (const tag of query?.excludeTags ?? []) notes.push(turn.t(`assistant:tags.no_${tag}`, { defaultValue: tag }));
      const text = turn.t('assistant:why', { title: item.title, reason, constraints: notes.length ? turn.t('assistant:why_fits', { list: notes.join(', ') }) : '' });
      const index = Math.max(0, memory.shown.findIndex((s) => keyOf(s) === keyOf(item)));
      turn.reply(cardsReply(text, [toCard(turn, item, index, reason)], [
        { title: turn.t('assistant:buttons.add'), payload: `intent:add_to_cart?item=${encodeURIComponent(keyOf(item))}` },
        { title: turn.t('assistant:buttons.not_for_me'), payload: `intent:feedback_negative?item=${encodeURIComponent(keyOf(item))}` },
      ]));
    },
  });
}

async function save(turn: DialogTurn, deps: ShopDeps, prefs: StatedPreference[]): Promise<void> {
  const memory = shopMemory(turn);
  for (const p of prefs) {
    if (!memory.prefs.some((q) => q.kind === p.kind && q.value === p.value)) memory.prefs.push(p);
    if (turn.context.shopperId) await deps.backend.addPreference(turn.context.shopperId, p);
  }
}

/** Shows the last request again when something on screen no longer fits what the shopper just said. */
async function refreshIfBroken(turn: DialogTurn, deps: ShopDeps): Promise<void> {
  const memory = shopMemory(turn);
  if (!memory.last || memory.last.kind === 'reorder' || memory.shown.length === 0) return;
  const { maxPrice: _drop, skip: _skip, ...request } = memory.last;
  await present(turn, deps, request, 'assistant:updated');
}

/** A stated preference as the shopper reads it ("веганское", "без орехов", "не любит: кинз"). */
export function prefLabel(turn: DialogTurn, p: StatedPreference): string {
  if (p.kind === 'like' && p.value.startsWith('pet_')) return turn.t(`assistant:tags.${p.value}`, { defaultValue: p.value });
  if (p.kind === 'diet') return turn.t(`assistant:tags.${p.value}`, { defaultValue: p.value });
  if (p.kind === 'exclude_tag') return turn.t(`assistant:tags.no_${p.value}`, { defaultValue: p.value });
  return turn.t('assistant:dislike_label', { word: p.value });
}

/** "не люблю кинзу", "это мне не подходит". */
function feedbackNegativeDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'feedback_negative',
    intents: ['feedback_negative'],
    run: async (turn, args) => {
      const memory = shopMemory(turn);
      const word = extractDislike(turn.text);
      const stated = preferencesIn(turn.text);
      if (word || stated.length) {
        const prefs = stated.length ? stated : [{ kind: 'dislike' as const, value: word! }];
        await save(turn, deps, prefs);
        turn.say('assistant:noted_pref', { list: prefs.map((p) => prefLabel(turn, p)).join(', ') });
        return refreshIfBroken(turn, deps);
      }
      const item = typeof args.item === 'string' ? memory.shown.find((s) => keyOf(s) === args.item) ?? memory.focus : pickShown(turn, args);
      if (!item) return turn.say('assistant:ask.what_wrong', {}, [button(turn, 'assistant:buttons.preferences', 'state_preference')]);
      if (!memory.excludeItems.includes(keyOf(item))) memory.excludeItems.push(keyOf(item));
      if (turn.context.shopperId) await deps.backend.addPreference(turn.context.shopperId, { kind: 'dislike', value: item.title.toLowerCase() });
      turn.say('assistant:noted_item', { title: item.title });
      if (memory.last && memory.last.kind !== 'reorder') await present(turn, deps, memory.last, 'assistant:replacement');
    },
  });
}

/**
 * "у меня теперь собака, а не кошка", "I don't have a cat anymore": the pets kept (`like pet_dog`), the goods of the
 * one that is gone kept out (`exclude_tag pet_cat`), what the change makes obsolete taken back.
 */
async function savePets(turn: DialogTurn, deps: ShopDeps, change: PetChange): Promise<void> {
  const memory = shopMemory(turn);
  const obsolete = obsoletePetPreferences(change);
  const same = (a: { kind: string; value: string }) => (b: StatedPreference) => a.kind === b.kind && a.value === b.value;
  memory.prefs = memory.prefs.filter((p) => !obsolete.some(same(p)));
  if (turn.context.shopperId) for (const p of obsolete) await deps.backend.removePreference(turn.context.shopperId, p);
  await save(turn, deps, petPreferences(change));
  const parts = [
    // "у нас собака" is a fact, not news: "у вас собака", never "теперь у вас собака".
    ...change.has.map((pet) => turn.t(change.stated.includes(pet) ? `assistant:tags.pet_${pet}` : `assistant:pets.has.${pet}`)),
    ...change.gone.map((pet) => turn.t(`assistant:pets.gone.${pet}`)),
  ];
  const first = change.has[0];
  const asked = asksForGoods(turn.text) || extractNeed(turn.text) !== undefined;
  turn.say('assistant:noted_pets', { list: parts.join('; ') },
    first && !asked ? [button(turn, `assistant:buttons.for_pet.${first}`, 'recommend', { need: `pet_${first}` })] : []);
  if (!asked) return refreshIfBroken(turn, deps);
  // "у меня кошка, что ей взять?": noted, and answered with the pet's goods (a budget or service said still binds).
  const request = requestFromText(turn.text, 'recommend');
  const need = request.need ?? (first ? `pet_${first}` : undefined);
  const { text: product, ...rest } = request;
  await present(turn, deps, { ...rest, ...(need ? { need } : {}), ...(product && !namesOnlyPet(product) ? { text: product } : {}) });
}

/** "я веган", "без орехов", "I don't eat meat". */
function statePreferenceDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'state_preference',
    intents: ['state_preference'],
    run: async (turn) => {
      const pets = petChange(turn.text);
      if (pets) return savePets(turn, deps, pets);
      // "gluten free bread please" names a product: a search within the diet, not a standing preference.
      const product = extractDislike(turn.text) ? undefined : extractProductText(turn.text);
      if (product && /\p{L}{3,}/u.test(product)) {
        const shown = await present(turn, deps, searchRequest(turn.text, product), undefined, { quietIfEmpty: true });
        if (shown > 0) return;
      }
      const prefs = preferencesIn(turn.text);
      if (prefs.length === 0) {
        return turn.say('assistant:ask.preference', {}, ['vegan', 'vegetarian', 'lactose_free', 'no_contains_nuts'].map((tag) => ({
          title: turn.t(`assistant:tags.${tag}`), payload: turn.t(`assistant:pref_phrases.${tag}`),
        })));
      }
      await save(turn, deps, prefs);
      turn.say('assistant:noted_pref', { list: prefs.map((p) => prefLabel(turn, p)).join(', ') });
      await refreshIfBroken(turn, deps);
    },
  });
}

/** "что ты обо мне знаешь?" */
function whatDoYouKnowDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'what_do_you_know',
    intents: ['what_do_you_know'],
    run: async (turn) => {
      const shopperId = turn.context.shopperId;
      const memory = shopMemory(turn);
      const profile = shopperId ? await deps.backend.profile(shopperId) : undefined;
      const prefs = shopperId ? await deps.backend.preferences(shopperId) : [];
      const all = [...prefs, ...memory.prefs.filter((p) => !prefs.some((q) => q.kind === p.kind && q.value === p.value))];
      const lines: string[] = [];
      for (const [service, sp] of Object.entries(profile?.services ?? {})) {
        if (!sp) continue;
        // Shelves are named in the reply's language; one without a name in it is left out rather than shown in Russian.
        const top = sp.longTerm.categories.filter((c) => c.score > 0 && !c.key.includes('/'))
          .map((c) => categoryName(c.key, turn.locale)).filter((name) => name !== undefined).slice(0, 3);
        // No orders yet: the shelves come from what was looked at, so say that instead of "0 orders; mostly ...".
        const key = sp.orders > 0 ? 'assistant:know_service' : 'assistant:know_service_viewed';
        lines.push(turn.t(key, { service: serviceName(turn, service as never), orders: sp.orders, categories: top.join(', ') || '—' }));
      }
      if (all.length) lines.push(turn.t('assistant:know_prefs', { list: all.map((p) => prefLabel(turn, p as StatedPreference)).join(', ') }));
      if (profile?.diet.mostly.length) lines.push(turn.t('assistant:know_diet', { list: profile.diet.mostly.map((t) => turn.t(`assistant:tags.${t}`, { defaultValue: t })).join(', ') }));
      if (shopperId && !(await deps.backend.personalizationAllowed(shopperId))) lines.push(turn.t('assistant:know_no_consent'));
      const buttons = [button(turn, 'assistant:buttons.erase', 'erase_data'), button(turn, 'assistant:buttons.withdraw', 'withdraw_consent')];
      if (lines.length === 0) return turn.say('assistant:know_nothing', {}, buttons);
      turn.say('assistant:know', { lines: lines.join('\n') }, buttons);
    },
  });
}

/** "не используй мою историю": with confirmation. */
function withdrawConsentDialog(deps: ShopDeps): Dialog {
  return createFormDialog({
    id: 'withdraw_consent',
    intents: ['withdraw_consent'],
    slots: [],
    confirm: { prompt: () => ({ key: 'assistant:confirm_withdraw' }), declined: 'assistant:kept' },
    complete: async (turn) => {
      shopMemory(turn).noPersonalization = true;
      if (turn.context.shopperId) await deps.backend.withdrawConsent(turn.context.shopperId);
      turn.say('assistant:withdrawn', {}, [button(turn, 'assistant:buttons.erase', 'erase_data')]);
    },
  });
}

/** "удали мои данные": with confirmation, then everything about the shopper is gone. */
function eraseDialog(deps: ShopDeps): Dialog {
  return createFormDialog({
    id: 'erase_data',
    intents: ['erase_data'],
    slots: [],
    confirm: { prompt: () => ({ key: 'assistant:confirm_erase' }), declined: 'assistant:kept' },
    complete: async (turn) => {
      if (turn.context.shopperId) await deps.backend.erase(turn.context.shopperId);
      turn.forget();
      turn.say('assistant:erased');
    },
  });
}

/** Item-level check used by tests and the safety gate. */
export { fits };

/** The profile dialogs: why, feedback, preferences, what we know, consent, erasure. */
export function profileDialogs(deps: ShopDeps): Dialog[] {
  return [whyDialog(deps), feedbackNegativeDialog(deps), statePreferenceDialog(deps), whatDoYouKnowDialog(deps),
    withdrawConsentDialog(deps), eraseDialog(deps)];
}
