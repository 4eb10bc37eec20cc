import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import type { Dialog } from '../../../core/dialog/dialog.ts';
import { button } from '../cards.ts';
import { fits } from '../constraints.ts';
import { asksForCheapest, extractProperties } from '../extract.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { shopMemory, type LastRequest } from '../shop-memory.ts';
import { matchesAll, stems } from '../text-match.ts';
import { present } from './present.ts';
import { buildQuery, requestFromText } from './query.ts';

const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];

/**
 * The last request with what a follow-up adds: "нужны наушники до 5000" then "а беспроводные?" asks for wireless
 * headphones within 5,000 ₽, not for anything wireless. The follow-up's own constraints ("до 3000", "в Купере")
 * replace the old ones; "подешевле" puts the lowest prices first.
 */
export function refinedRequest(last: LastRequest, text: string): LastRequest {
  const { maxPrice: _maxPrice, skip: _skip, ...rest } = last;
  const { text: _text, kind: _kind, requireTags, excludeTags, avoid, ...said } = requestFromText(text, last.kind);
  const properties = extractProperties(text);
  const request: LastRequest = {
    ...rest, ...said,
    requireTags: union(rest.requireTags, requireTags), excludeTags: union(rest.excludeTags, excludeTags),
  };
  const avoided = union(rest.avoid, avoid);
  if (avoided.length) request.avoid = avoided;
  // Said again ("а подешевле есть беспроводные?" after "а беспроводные?"): already part of the request.
  const known = new Set(stems(rest.text ?? ''));
  const added = properties?.split(' ').filter((word) => !stems(word).every((s) => known.has(s))).join(' ');
  if (added) request.text = [rest.text, added].filter(Boolean).join(' ');
  if (asksForCheapest(text) || /(?:по)?деш[её]вле|cheaper/iu.test(text)) request.cheapest = true;
  return request;
}

/** "а беспроводные?", "а подешевле есть красные?", "and wireless ones?": the last request, refined by a property. */
export function refinePropertyDialog(deps: ShopDeps): Dialog {
  return createActionDialog({
    id: 'refine_property',
    intents: ['refine_property'],
    run: async (turn) => {
      const memory = shopMemory(turn);
      const last: LastRequest = memory.last ?? { kind: 'search', requireTags: [], excludeTags: [] };
      const request = refinedRequest(last, turn.text);
      // Nothing with every word ("красные" headphones when none are red): said plainly, the last request kept, rather
      // than the old cards passed off as the new property.
      const words = stems(request.text ?? '');
      const query = await buildQuery(turn, deps, request);
      const found = request.kind === 'search' ? await deps.backend.search(query) : await deps.backend.recommend(query);
      if (words.length > 0 && !found.some((s) => matchesAll(s.item, words) && fits(s.item, query))) {
        return turn.say('assistant:refine_none', { query: request.text ?? '' }, [button(turn, 'assistant:buttons.popular', 'recommend')]);
      }
      await present(turn, deps, request);
    },
  });
}
