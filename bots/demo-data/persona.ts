import type { Service } from '../../core/reply.ts';

/** Which items of a service a habit draws from. */
export interface ItemPick {
  service: Service;
  /** Category path prefix, "Молочные продукты/Молоко" or just "Снеки". */
  category: string;
  /** Russian title must match (narrows "Напитки/Газировка" to cola). */
  text?: RegExp;
  /** Tags every item must carry. */
  tags?: readonly string[];
}

/** A repurchase cycle: this shopper buys from `pick` about every `every` days. */
export interface Staple {
  pick: ItemPick;
  every: number;
  /** Units per order line, inclusive range. */
  qty?: readonly [number, number];
  /** Buy a different item each time (gadgets, lunches) instead of the same favourite. */
  vary?: boolean;
}

/** Something a shopper looks at, optionally after searching for it. */
export interface Interest {
  pick: ItemPick;
  /** Search queries leading to it: Russian, English. */
  queries?: readonly [ru: string, en: string][];
}

/** A shopper archetype whose habits every generated member follows. */
export interface Persona {
  key: string;
  name: { ru: string; en: string };
  summary: { ru: string; en: string };
  /** Hard diet rules: tags every food item must have, tags no item may have, tags dairy must have. */
  diet?: { foodMust?: readonly string[]; never?: readonly string[]; dairyMust?: readonly string[] };
  /** Only personas with this flag ever see or buy alcohol. */
  alcohol?: boolean;
  /** Buys from the cheapest third of a shelf. */
  budget?: boolean;
  /** Moscow local hours when this shopper is active; repeat an hour to weight it. */
  hours: readonly number[];
  /** Days of the week (0 = Sunday) when orders are placed; any day when absent. */
  orderDays?: readonly number[];
  staples: readonly Staple[];
  /** Occasional additions to an order. */
  extras: readonly ItemPick[];
  interests: readonly Interest[];
  /** Browsing sessions per day on average. */
  browseRate: number;
}
