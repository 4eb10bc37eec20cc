import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import type { Dialog } from '../../../core/dialog/dialog.ts';
import { intentPayload } from '../../../core/dialog/payload.ts';
import { button } from '../cards.ts';
import { dislikeRoot } from '../extract.ts';
import type { StatedPreference } from '../ports.ts';
import { preferencesIn } from '../preferences.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { keyOf, shopMemory } from '../shop-memory.ts';
import { compareShown } from './compare.ts';
import { compareNamed } from './compare-named.ts';
import { present } from './present.ts';
import { prefLabel } from './profile.ts';

/** "покажи ещё", "more options": the next cards of the same request, never the ones already shown. */
function showMoreDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'show_more',
    intents: ['show_more'],
    run: async (turn) => {
      const memory = shopMemory(turn);
      const last = memory.last;
      if (!last || memory.shown.length === 0) {
        return turn.say('assistant:nothing_shown', {}, [button(turn, 'assistant:buttons.popular', 'recommend')]);
      }
      // A reorder already lists every usual item; there is no next page of it.
      const found = last.kind === 'reorder' ? 0 : await present(turn, deps, {
        ...last, skip: [...new Set([...(last.skip ?? []), ...memory.shown.map(keyOf)])],
      }, 'assistant:more_intro', { quietIfEmpty: true, noQuestion: true });
      if (found === 0) {
        turn.say('assistant:no_more', {}, [
          button(turn, 'assistant:buttons.popular', 'recommend'),
          button(turn, 'assistant:buttons.cart', 'view_cart'),
        ]);
      }
    },
  });
}

function compareDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'compare',
    intents: ['compare'],
    // "compare iPhone and Samsung" names its two products; otherwise the cards on screen are meant.
    run: async (turn) => {
      if (!(await compareNamed(turn, deps))) compareShown(turn, shopMemory(turn));
    },
  });
}

/** "забудь мои предпочтения", "remove my preferences": every stated preference, not a named one. */
const ALL_PREFS = /(?<!\p{L})(?:предпочтени\p{L}*|ограничени\p{L}*|preferences|restrictions|diet(?:ary)?\s+settings)(?!\p{L})/iu;
/** The words that take a preference back, removed before reading which one it is ("я больше не веган" -> "я веган"). */
const TAKE_BACK = /(?<!\p{L})(?:забудь\p{L}*|забыть|больше\s+не|уже\s+не|не\s+учитывай\p{L}*|отмени\p{L}*|forget(?:\s+(?:that|about))?|no\s+longer|not\s+(?=\p{L}+\s+(?:any\s*more|now)))(?!\p{L})|(?:any\s*more|again)(?!\p{L})/giu;
/** "я снова ем мясо", "I eat meat again": a food allowed again. */
const EATS_AGAIN = /(?:снова|опять|теперь|уже)\s+ем\s+(\p{L}+)|(?:can|do)?\s*eat\s+(\p{L}+)\s+(?:again|now)|можно\s+(?:опять|снова)\s+(?:с\s+)?(\p{L}+)/iu;

const MEAT = /^(?:мяс|куриц|курят|говядин|свинин|птиц|meat|chicken|beef|pork|poultry)/iu;
const FISH = /^(?:рыб|морепродукт|fish|seafood)/iu;

/** The preferences a take-back message names ("я больше не веган" -> diet vegan). */
function namedPreferences(text: string): StatedPreference[] {
  const again = EATS_AGAIN.exec(text);
  const food = again?.[1] ?? again?.[2] ?? again?.[3];
  if (food) {
    // Eating meat (or fish) again ends a vegetarian or vegan diet too.
    const kind = MEAT.test(food) ? 'meat' : FISH.test(food) ? 'fish' : undefined;
    if (kind) return [{ kind: 'exclude_tag', value: kind }, { kind: 'diet', value: 'vegan' }, { kind: 'diet', value: 'vegetarian' }];
    return preferencesIn(`без ${food}`).concat(preferencesIn(`no ${food}`));
  }
  return preferencesIn(text.replace(TAKE_BACK, ' '));
}

function samePreference(a: StatedPreference, b: StatedPreference): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'dislike' ? dislikeRoot(a.value) === dislikeRoot(b.value) : a.value === b.value;
}

/** "забудь, что я веган", "я больше не веган", "remove my preferences": takes stated preferences back, and says which. */
function forgetPreferenceDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'forget_preference',
    intents: ['forget_preference'],
    run: async (turn, args) => {
      const memory = shopMemory(turn);
      const shopperId = turn.context.shopperId;
      const stored = shopperId ? await deps.backend.preferences(shopperId) : [];
      const saved: StatedPreference[] = [...stored, ...memory.prefs].map((p) => ({ kind: p.kind as StatedPreference['kind'], value: p.value }))
        .filter((p, i, all) => all.findIndex((q) => q.kind === p.kind && q.value === p.value) === i);
      const named = typeof args.kind === 'string' && typeof args.value === 'string'
        ? [{ kind: args.kind as StatedPreference['kind'], value: args.value }] : namedPreferences(turn.text);
      const all = named.length === 0 && ALL_PREFS.test(turn.text);
      if (saved.length === 0) return turn.say('assistant:pref_none_saved');
      if (!all && named.length === 0) {
        // Which one is not said: the saved ones are offered as buttons.
        return turn.say('assistant:ask.which_pref', {}, saved.map((p) => ({
          title: prefLabel(turn, p).slice(0, 60), payload: intentPayload('forget_preference', { kind: p.kind, value: p.value }),
        })));
      }
      const removed = all ? saved : saved.filter((p) => named.some((n) => samePreference(n, p)));
      if (removed.length === 0) {
        return turn.say('assistant:pref_not_saved', { list: [...new Set(named.map((p) => prefLabel(turn, p)))].join(', ') });
      }
      memory.prefs = memory.prefs.filter((p) => !removed.some((r) => r.kind === p.kind && r.value === p.value));
      if (shopperId) for (const p of removed) await deps.backend.removePreference(shopperId, p);
      turn.say('assistant:pref_removed', { list: removed.map((p) => prefLabel(turn, p)).join(', ') }, [
        button(turn, 'assistant:buttons.what_you_know', 'what_do_you_know'),
        button(turn, 'assistant:buttons.popular', 'recommend'),
      ]);
    },
  });
}

/** The follow-up dialogs: the next cards, a comparison, taking a preference back. */
export function followUpDialogs(deps: ShopDeps): Dialog[] {
  return [showMoreDialog(deps), compareDialog(deps), forgetPreferenceDialog(deps)];
}
