import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import type { Dialog, DialogTurn } from '../../../core/dialog/dialog.ts';
import type { Locale } from '../../../core/activity.ts';
import { button } from '../cards.ts';
import { extractProductText } from '../extract.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { shopMemory } from '../shop-memory.ts';
import { present } from './present.ts';
import { requestFromText, searchRequest } from './query.ts';

function starters(turn: DialogTurn) {
  return [
    button(turn, 'assistant:buttons.dinner', 'recommend', { occasion: 'dinner' }),
    button(turn, 'assistant:buttons.search', 'search_product'),
    button(turn, 'assistant:buttons.reorder', 'reorder'),
    button(turn, 'assistant:buttons.help', 'help'),
  ];
}

function greetDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'greet',
    intents: ['greet'],
    run: async (turn) => {
      const shopperId = turn.context.shopperId;
      const profile = shopperId ? await deps.backend.profile(shopperId) : undefined;
      const known = (profile?.events ?? 0) > 0;
      // "Hi, I'd like some vegan snacks under 300" is a request with a greeting in front: answer the request.
      const request = requestFromText(turn.text, 'recommend');
      if (request.occasion || request.need || request.budget || request.requireTags.length || request.excludeTags.length) {
        await turn.begin('recommend');
        return;
      }
      // "привет, хочу пиццу": a product the catalog knows is looked up; "привет, как дела?" stays a greeting.
      const product = extractProductText(turn.text);
      if (product && (await present(turn, deps, searchRequest(turn.text, product), undefined, { quietIfEmpty: true })) > 0) return;
      turn.say(known ? 'assistant:greet_known' : 'assistant:greet_new', {}, starters(turn));
    },
  });
}

function targetLocale(text: string, current: Locale): Locale {
  if (/англ|english|\ben\b|inglish/i.test(text)) return 'en';
  if (/русск|russian|по-русски|\bru\b/i.test(text)) return 'ru';
  return current === 'ru' ? 'en' : 'ru';
}

/** The simple dialogs: hello, help, bye, language, yes/no to an offer, thanks, "sorry". */
export function basicDialogs(deps: ShopDeps): Dialog[] {
  return [
    greetDialog(deps),
    createActionDialog({ id: 'help', intents: ['help', 'capabilities'], run: async (turn) => turn.say('assistant:help', {}, starters(turn)) }),
    createActionDialog({ id: 'goodbye', intents: ['goodbye'], run: async (turn) => turn.say('assistant:bye') }),
    createActionDialog({
      id: 'switch_language',
      intents: ['switch_language'],
      run: async (turn, args) => {
        const locale = args.locale === 'en' || args.locale === 'ru' ? args.locale : targetLocale(turn.text, turn.locale);
        turn.setLocale(locale);
        turn.say('assistant:language_switched', {}, starters(turn));
      },
    }),
    createActionDialog({
      id: 'confirm_yes',
      intents: ['confirm_yes'],
      run: async (turn) => {
        const memory = shopMemory(turn);
        const offer = memory.offer;
        memory.offer = undefined;
        if (!offer) return turn.say('assistant:what_next', {}, starters(turn));
        return turn.begin(offer.intent, offer.args);
      },
    }),
    createActionDialog({
      id: 'confirm_no',
      intents: ['confirm_no'],
      run: async (turn) => {
        shopMemory(turn).offer = undefined;
        turn.say('assistant:ok', {}, starters(turn));
      },
    }),
    createActionDialog({ id: 'apology', intents: ['apology'], run: async (turn) => turn.say('assistant:apology_ok', {}, starters(turn)) }),
    createActionDialog({
      id: 'feedback_positive',
      intents: ['feedback_positive'],
      run: async (turn) => turn.say('assistant:thanks', {}, starters(turn)),
    }),
  ];
}

/** When nothing matched: a short product name is a search; otherwise help that gets more concrete each time. */
export function shoppingFallback(deps: ShopDeps) {
  return async (turn: DialogTurn, count: number): Promise<void> => {
    const product = extractProductText(turn.text);
    if (product && /\p{L}{3,}/u.test(product)) {
      const shown = await present(turn, deps, searchRequest(turn.text, product), undefined, { quietIfEmpty: true });
      if (shown > 0) return;
    }
    turn.say(count >= 2 ? 'assistant:fallback_more' : 'assistant:fallback', {}, starters(turn));
  };
}
