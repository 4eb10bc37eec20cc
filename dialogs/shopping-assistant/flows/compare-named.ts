import type { DialogTurn } from '../../../core/dialog/dialog.ts';
import { button, toShown } from '../cards.ts';
import type { Suggestion } from '../ports.ts';
import type { ShopDeps } from '../shop-deps.ts';
import { shopMemory, showItems } from '../shop-memory.ts';
import { namedProducts } from '../compare-names.ts';
import { comparePair } from './compare.ts';
import { buildQuery, searchRequest } from './query.ts';

/**
 * The pair to compare from both searches: two hits of the same shelf when there are (an iPhone and a Samsung phone,
 * not a Samsung watch), else each search's best hit.
 */
function pairOf(left: readonly Suggestion[], right: readonly Suggestion[]): [Suggestion, Suggestion] | undefined {
  for (const a of left) {
    const b = right.find((r) => r.item.category === a.item.category && r.item.id !== a.item.id);
    if (b) return [a, b];
  }
  const [a, b] = [left[0], right.find((r) => r.item.id !== left[0]?.item.id)];
  return a && b ? [a, b] : undefined;
}

/**
 * Compares two products named in the message: finds each, shows both side by side (they become the list on
 * screen, so "add the second" and "which is better?" work on them). False when the message names no two products.
 */
export async function compareNamed(turn: DialogTurn, deps: ShopDeps): Promise<boolean> {
  const names = namedProducts(turn.text);
  if (!names) return false;
  const found = await Promise.all(names.map(async (name) => deps.backend.search(await buildQuery(turn, deps, searchRequest(turn.text, name)))));
  const missing = names.find((_, k) => found[k]!.length === 0);
  if (missing) {
    turn.say('assistant:compare_not_found', { name: missing }, [button(turn, 'assistant:buttons.popular', 'recommend')]);
    return true;
  }
  const pair = pairOf(found[0]!, found[1]!);
  if (!pair) return false;
  const memory = shopMemory(turn);
  const shown = pair.map((s) => toShown(turn, s));
  showItems(memory, shown);
  comparePair(turn, memory, [shown[0]!, shown[1]!]);
  return true;
}
