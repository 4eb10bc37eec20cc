import { itemOf } from './catalog.ts';

/** A shop event as `POST /api/v1/events` takes it. */
export interface ShopEvent {
  id: string;
  userId: string;
  service: 'samokat' | 'megamarket' | 'kuper';
  type: 'order' | 'view' | 'rating' | 'search' | 'add_to_cart';
  ts: string;
  itemId?: string;
  orderId?: string;
  quantity?: number;
  price?: number;
  rating?: number;
  query?: string;
}

const DAY = 86_400_000;
const ago = (days: number): string => new Date(Date.now() - days * DAY).toISOString();

/** Builds a shopper's events with unique ids, days counted back from now. */
export class History {
  readonly events: ShopEvent[] = [];
  #n = 0;
  #orders = 0;

  constructor(readonly userId: string) {}

  #id(): string {
    this.#n += 1;
    return `${this.userId}-e${this.#n}`;
  }

  /** One order of several items (`[itemId, quantity]`), placed `daysAgo` days ago. */
  order(daysAgo: number, lines: [string, number][]): this {
    this.#orders += 1;
    const orderId = `${this.userId}-o${this.#orders}`;
    for (const [itemId, quantity] of lines) {
      const item = itemOf(itemId);
      this.events.push({ id: this.#id(), userId: this.userId, service: item.service, type: 'order', ts: ago(daysAgo), itemId, orderId, quantity, price: item.price });
    }
    return this;
  }

  view(daysAgo: number, itemId: string): this {
    this.events.push({ id: this.#id(), userId: this.userId, service: itemOf(itemId).service, type: 'view', ts: ago(daysAgo), itemId });
    return this;
  }

  rate(daysAgo: number, itemId: string, rating: number): this {
    this.events.push({ id: this.#id(), userId: this.userId, service: itemOf(itemId).service, type: 'rating', ts: ago(daysAgo), itemId, rating });
    return this;
  }

  search(daysAgo: number, service: ShopEvent['service'], query: string): this {
    this.events.push({ id: this.#id(), userId: this.userId, service, type: 'search', ts: ago(daysAgo), query });
    return this;
  }
}

/**
 * A regular Kuper shopper: milk (x2), wholegrain bread and eggs about every 7 days (the usual order);
 * the last order, yesterday, was milk, bread and buckwheat. Pasta and tomatoes at Samokat now and then.
 */
export function regularShopper(userId: string): History {
  return new History(userId)
    .order(36, [['k-milk', 2], ['k-bread', 1], ['k-eggs', 1]])
    .order(29, [['k-milk', 2], ['k-bread', 1], ['k-eggs', 1]])
    .order(22, [['k-milk', 2], ['k-bread', 1], ['k-eggs', 1]])
    .order(20, [['s-pasta', 1], ['s-tomato', 1]])
    .order(15, [['k-milk', 2], ['k-bread', 1], ['k-eggs', 1]])
    .order(10, [['s-pasta', 1], ['s-tomato', 1]])
    .order(8, [['k-milk', 2], ['k-bread', 1], ['k-eggs', 1]])
    .order(1, [['k-milk', 2], ['k-bread', 1], ['k-buckwheat', 1]])
    .view(3, 'm-headphones')
    .rate(7, 'k-milk', 5)
    .search(4, 'megamarket', 'наушники');
}

/** A vegan shopper at Samokat: oat milk, tofu bowls, hummus, bananas. */
export function veganShopper(userId: string): History {
  return new History(userId)
    .order(20, [['s-oat-milk', 2], ['s-tofu-bowl', 1], ['s-hummus', 1]])
    .order(12, [['s-oat-milk', 2], ['s-falafel', 1], ['s-bananas', 1]])
    .order(4, [['s-oat-milk', 2], ['s-tofu-bowl', 1], ['s-bananas', 1]]);
}

/** A crowd of shoppers who all buy the same few items, so those are the popular ones. */
export function crowd(prefix: string, size: number): History[] {
  return Array.from({ length: size }, (_, i) =>
    new History(`${prefix}-${i}`)
      .order(10 + i, [['s-bananas', 1], ['s-bread', 1], ['s-juice', 1]])
      .order(3 + i, [['s-bananas', 1], ['s-bread', 1], ['k-apples', 1]]),
  );
}

/** The items the crowd buys most. */
export const POPULAR = ['s-bananas', 's-bread', 's-juice', 'k-apples'];
