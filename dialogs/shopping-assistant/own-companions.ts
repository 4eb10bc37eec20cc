import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../../core/events/shop-event.ts';
import type { Companion } from './ports.ts';

/**
 * The items a shopper ordered in the same order as one item ("you bought them together in March"), those taken
 * together most often first, then the most recent. Only orders count: a view or a cart line is no purchase.
 */
export function ownCompanions(
  events: readonly ShopEvent[], anchor: { service: string; itemId: string }, lookup: (key: string) => CatalogItem | undefined,
): Companion[] {
  const orders = new Map<string, ShopEvent[]>();
  for (const event of events) {
    if (event.type !== 'order' || !event.itemId) continue;
    // Events of one order share its id; without one, its time stands for it.
    const order = `${event.service}:${event.orderId ?? event.ts}`;
    const lines = orders.get(order);
    if (lines) lines.push(event); else orders.set(order, [event]);
  }
  const anchorKey = `${anchor.service}:${anchor.itemId}`;
  const together = new Map<string, { times: number; last: string }>();
  for (const lines of orders.values()) {
    if (!lines.some((e) => `${e.service}:${e.itemId}` === anchorKey)) continue;
    const ts = lines[0]!.ts;
    for (const key of new Set(lines.map((e) => `${e.service}:${e.itemId}`))) {
      if (key === anchorKey) continue;
      const seen = together.get(key);
      if (!seen) together.set(key, { times: 1, last: ts });
      else together.set(key, { times: seen.times + 1, last: Date.parse(ts) > Date.parse(seen.last) ? ts : seen.last });
    }
  }
  const out: Companion[] = [];
  for (const [key, { times, last }] of together) {
    const item = lookup(key);
    if (item && item.available !== false) out.push({ item, together: { by: 'you', times, last } });
  }
  return out.sort((a, b) => byYou(b).times - byYou(a).times || Date.parse(byYou(b).last) - Date.parse(byYou(a).last));
}

function byYou(c: Companion): { times: number; last: string } {
  return c.together.by === 'you' ? c.together : { times: 0, last: '' };
}
