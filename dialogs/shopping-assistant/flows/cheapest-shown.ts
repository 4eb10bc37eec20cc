import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import type { Dialog } from '../../../core/dialog/dialog.ts';
import { button, rub } from '../cards.ts';
import { keyOf, shopMemory, type ShopMemory, type ShownItem } from '../shop-memory.ts';

/**
 * "какая дешевле?", "какой из них дешевле?", "что дешевле всего?", "which one is the cheapest?": which of the cards on
 * screen costs least (a question about them, not a request for cheaper goods).
 */
export const WHICH_CHEAPER = /(?<![\p{L}])(?:(?:как(?:ой|ая|ое|ую|ие)|котор(?:ый|ая|ое|ую|ые)|что|кто)\s+(?:(?:из\s+(?:них|двух|этих|всех|показанных)|же|тут|здесь|тогда)\s+)*(?:(?:сам(?:ый|ая|ое|ые)\s+)?деш[её]в(?:ле|ый|ая|ое|ые|ле\s+всего|ле\s+всех)|по\s*деш[её]вле)|which\s+(?:one\s+)?(?:of\s+(?:them|these|the\s+two)\s+)?is\s+(?:the\s+)?cheapest|what'?s\s+the\s+cheapest\s+(?:one|of\s+(?:them|these)))(?![\p{L}])/iu;

/** The items asked about: the two compared last when both are still on screen, else everything shown. */
function candidates(memory: ShopMemory): ShownItem[] {
  const pair = memory.compared?.map((key) => memory.shown.find((s) => keyOf(s) === key));
  return pair && pair.length === 2 && pair.every(Boolean) ? pair as ShownItem[] : memory.shown;
}

/** "какая дешевле?": names the cheapest card shown (all of them on a tie) with its price, and offers to add it. */
export function cheapestShownDialog(): Dialog {
  return createActionDialog({
    id: 'cheapest_shown',
    intents: ['cheapest_shown'],
    run: async (turn) => {
      const memory = shopMemory(turn);
      const items = candidates(memory);
      if (items.length === 0) return turn.say('assistant:nothing_shown', {}, [button(turn, 'assistant:buttons.popular', 'recommend')]);
      const price = Math.min(...items.map((s) => s.price));
      const cheapest = items.filter((s) => s.price === price).slice(0, 3);
      memory.focus = cheapest[0];
      const titles = cheapest.map((s) => turn.t('assistant:quoted', { title: s.title })).join(', ');
      turn.say(cheapest.length > 1 ? 'assistant:cheapest_shown_tie' : 'assistant:cheapest_shown', { titles, price: rub(turn, price) },
        cheapest.map((s) => ({
          title: `${turn.t('assistant:buttons.add')}: ${memory.shown.indexOf(s) + 1}`, payload: `intent:add_to_cart?item=${encodeURIComponent(keyOf(s))}`,
        })));
    },
  });
}
