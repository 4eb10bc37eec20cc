import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../../core/events/shop-event.ts';
import type { Service } from '../../core/reply.ts';
import { buildCatalogSteps } from './catalog/build-catalog.ts';
import { ItemPools } from './item-pools.ts';
import { PERSONAS } from './personas.ts';
import { Rng } from './prng.ts';
import { sortSteps } from './sort-steps.ts';
import { DAY_MS, simulateShopper, type TimedEvent } from './shopper-simulation.ts';

/** The moment generated histories end at unless `now` is given, so default output never changes. */
export const DEFAULT_DEMO_NOW = '2026-11-01T09:00:00.000Z';

const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const DAYS_PER_MONTH = 30;

/** Options of {@link generateDemoData}. */
export interface DemoDataOptions {
  /** Same seed, same output. */
  seed: number;
  /** How many shoppers; default 300. */
  shoppers?: number;
  /** How many months of history; default 6. */
  months?: number;
  /** When the histories end (Date, epoch ms or ISO string); default {@link DEFAULT_DEMO_NOW}. */
  now?: Date | number | string;
}

/** A generated shopper: `demo-0001` ... with the persona that drives their habits. */
export interface DemoShopper {
  id: string;
  persona: string;
  name: { ru: string; en: string };
  summary: { ru: string; en: string };
  /** The language this shopper mostly searches in. */
  locale: 'ru' | 'en';
  /** Services the shopper ordered from, most used first. */
  services: Service[];
}

/** Everything the embedded default loads. */
export interface DemoData {
  items: CatalogItem[];
  /** Sorted by time, oldest first. */
  events: ShopEvent[];
  shoppers: DemoShopper[];
}

/** The shopper id for a 1-based number: 1 -> "demo-0001". */
export function demoShopperId(n: number): string {
  return `demo-${String(n).padStart(4, '0')}`;
}

/**
 * Generates bilingual catalogs for Samokat, Megamarket and Kuper (about 4,000 items) and shoppers with months of
 * consistent events. Deterministic: the same options give identical output.
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const steps = demoDataSteps(options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link generateDemoData} as a generator yielding after each shopper and each block of events, so a server can
 * generate while still answering requests (the same output).
 */
export function* demoDataSteps(options: DemoDataOptions): Generator<void, DemoData> {
  const shopperCount = options.shoppers ?? 300;
  const months = options.months ?? 6;
  if (!Number.isInteger(shopperCount) || shopperCount < 0) throw new RangeError('shoppers must be a non-negative integer');
  if (!(months > 0)) throw new RangeError('months must be positive');
  const now = toEpoch(options.now ?? DEFAULT_DEMO_NOW);
  const root = new Rng(options.seed);
  const items = yield* buildCatalogSteps(root.fork('catalog'));
  yield;
  const pools = new ItemPools(items);
  const firstDay = moscowMidnight(now - months * DAYS_PER_MONTH * DAY_MS);
  const timed: TimedEvent[] = [];
  const shoppers: DemoShopper[] = [];
  const people = root.fork('shoppers');
  for (let n = 1; n <= shopperCount; n += 1) {
    const persona = PERSONAS[(n - 1) % PERSONAS.length]!;
    const rng = people.fork(`shopper-${n}`);
    const locale = rng.chance(0.12) ? 'en' : 'ru';
    const shopperId = demoShopperId(n);
    const services = simulateShopper({ shopperId, persona, locale, pools, rng, firstDay, now, out: timed });
    shoppers.push({ id: shopperId, persona: persona.key, name: persona.name, summary: persona.summary, locale, services });
    yield;
  }
  const sorted = yield* sortSteps(timed, (a, b) => a.t - b.t || (a.event.id < b.event.id ? -1 : 1));
  const events: ShopEvent[] = [];
  for (const { t, event } of sorted) {
    event.ts = new Date(t).toISOString();
    events.push(event);
    if (events.length % 4096 === 0) yield;
  }
  return { items, events, shoppers };
}

function toEpoch(value: Date | number | string): number {
  const epoch = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(epoch)) throw new RangeError(`now is not a valid date: ${String(value)}`);
  return epoch;
}

/** The start of the Moscow (UTC+3) day containing `epoch`, as epoch ms. */
function moscowMidnight(epoch: number): number {
  return Math.floor((epoch + MOSCOW_OFFSET_MS) / DAY_MS) * DAY_MS - MOSCOW_OFFSET_MS;
}
