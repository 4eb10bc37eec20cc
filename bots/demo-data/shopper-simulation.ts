import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import type { ShopEvent } from '../../core/events/shop-event.ts';
import type { Service } from '../../core/reply.ts';
import type { ItemPools } from './item-pools.ts';
import type { Persona, Staple } from './persona.ts';
import type { Rng } from './prng.ts';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** An event with its time as a number, so the final sort does not parse dates. */
export interface TimedEvent {
  t: number;
  event: ShopEvent;
}

/** One shopper to simulate. */
export interface SimulationInput {
  shopperId: string;
  persona: Persona;
  locale: 'ru' | 'en';
  pools: ItemPools;
  rng: Rng;
  /** Moscow midnight (as epoch ms) of the first simulated day. */
  firstDay: number;
  /** Epoch ms; nothing happens after it. */
  now: number;
  out: TimedEvent[];
}

interface PlannedStaple {
  staple: Staple;
  pool: CatalogItem[];
  favourite: CatalogItem;
  cycleDays: number;
  nextDue: number;
}

/**
 * Replays one shopper's months: orders when a repurchase cycle comes due (grouping what is due from the same
 * service into one order), views and carts around orders, browsing sessions with searches, and a few ratings.
 * Returns the services the shopper ordered from, most used first.
 */
export function simulateShopper(input: SimulationInput): Service[] {
  const sim = new ShopperSimulation(input);
  return sim.run();
}

class ShopperSimulation {
  private seq = 0;
  private orders = 0;
  private readonly serviceUse = new Map<Service, number>();
  private readonly staples: PlannedStaple[];
  private readonly activity: number;

  constructor(private readonly input: SimulationInput) {
    const { rng, persona, pools, firstDay } = input;
    this.activity = rng.float(0.6, 1.4);
    // The first two staples define the persona; the others vary from shopper to shopper.
    this.staples = persona.staples
      .filter((_, index) => index < 2 || rng.chance(0.8))
      .map((staple) => ({ staple, pool: pools.pool(persona, staple.pick) }))
      .filter(({ pool }) => pool.length > 0)
      .map(({ staple, pool }) => {
        const cycleDays = staple.every * rng.float(0.85, 1.2);
        return { staple, pool, favourite: rng.pick(pool), cycleDays, nextDue: firstDay + rng.float(0, cycleDays) * DAY_MS };
      });
  }

  run(): Service[] {
    const { firstDay, now, persona, rng } = this.input;
    for (let day = firstDay; day < now; day += DAY_MS) {
      const weekday = new Date(day + 3 * HOUR_MS).getUTCDay();
      if (!persona.orderDays || persona.orderDays.includes(weekday)) this.orderDueStaples(day);
      const rate = persona.browseRate * this.activity;
      const sessions = Math.floor(rate) + (rng.chance(rate % 1) ? 1 : 0);
      for (let i = 0; i < sessions; i += 1) this.browse(this.timeOfDay(day));
    }
    return [...this.serviceUse.entries()].sort((a, b) => b[1] - a[1]).map(([service]) => service);
  }

  private orderDueStaples(day: number): void {
    const due = this.staples.filter((planned) => planned.nextDue < day + DAY_MS);
    const services = [...new Set(due.map((planned) => planned.staple.pick.service))];
    for (const service of services) {
      // Whatever from this service would be due tomorrow goes into the same basket.
      const basket = this.staples.filter((p) => p.staple.pick.service === service && p.nextDue < day + 2 * DAY_MS);
      this.placeOrder(service, basket, this.timeOfDay(day));
    }
  }

  private placeOrder(service: Service, basket: PlannedStaple[], t: number): void {
    const { rng, shopperId } = this.input;
    const lines = new Map<string, { item: CatalogItem; qty: number; favourite: boolean }>();
    for (const planned of basket) {
      const item = this.chooseStapleItem(planned);
      const [min, max] = planned.staple.qty ?? [1, 1];
      const line = lines.get(item.id);
      if (line) line.qty += 1;
      else lines.set(item.id, { item, qty: rng.int(min, max), favourite: item === planned.favourite });
      planned.nextDue = t + planned.cycleDays * rng.float(0.8, 1.2) * DAY_MS;
    }
    const extra = this.extraItem(service);
    if (extra && !lines.has(extra.id)) lines.set(extra.id, { item: extra, qty: 1, favourite: false });
    if (t > this.input.now) return;
    this.orders += 1;
    this.serviceUse.set(service, (this.serviceUse.get(service) ?? 0) + lines.size);
    const orderId = `${shopperId}-o${String(this.orders).padStart(4, '0')}`;
    let offset = 0;
    for (const { item, qty, favourite } of lines.values()) {
      if (rng.chance(0.2)) this.emit(t - rng.int(8, 25) * MINUTE_MS, { type: 'view', service, itemId: item.id });
      if (rng.chance(0.35)) this.emit(t - rng.int(1, 6) * MINUTE_MS, { type: 'add_to_cart', service, itemId: item.id, quantity: qty, price: item.price });
      this.emit(t + offset, { type: 'order', service, itemId: item.id, orderId, quantity: qty, price: item.price });
      offset += 1000;
      if (rng.chance(0.06)) this.rate(item, service, t + rng.int(20, 72) * HOUR_MS, favourite);
    }
  }

  private chooseStapleItem(planned: PlannedStaple): CatalogItem {
    const { rng } = this.input;
    if (planned.staple.vary) return rng.pick(planned.pool);
    // Mostly the favourite; now and then something else from the same shelf, and sometimes it becomes the new favourite.
    if (rng.chance(0.9)) return planned.favourite;
    const other = rng.pick(planned.pool);
    if (rng.chance(0.3)) planned.favourite = other;
    return other;
  }

  private extraItem(service: Service): CatalogItem | undefined {
    const { rng, persona, pools } = this.input;
    if (!rng.chance(0.3)) return undefined;
    const picks = persona.extras.filter((pick) => pick.service === service);
    if (picks.length === 0) return undefined;
    const pool = pools.pool(persona, rng.pick(picks));
    return pool.length > 0 ? rng.pick(pool) : undefined;
  }

  private rate(item: CatalogItem, service: Service, t: number, favourite: boolean): void {
    const { rng } = this.input;
    const rating = favourite ? (rng.chance(0.65) ? 5 : 4) : rng.weighted([2, 3, 4, 5], (r) => (r === 2 ? 1 : r === 3 ? 2 : 4));
    this.emit(t, { type: 'rating', service, itemId: item.id, rating });
  }

  private browse(t: number): void {
    const { rng, persona, pools, locale } = this.input;
    const interest = rng.pick(persona.interests);
    const service = interest.pick.service;
    if (interest.queries && rng.chance(0.55)) {
      const [ru, en] = rng.pick(interest.queries);
      const query = locale === 'en' ? (rng.chance(0.8) ? en : ru) : rng.chance(0.9) ? ru : en;
      this.emit(t - rng.int(10, 60) * 1000, { type: 'search', service, query });
    }
    const pool = pools.pool(persona, interest.pick);
    const viewed = rng.sample(pool, rng.int(1, 3));
    let at = t;
    for (const item of viewed) {
      this.emit(at, { type: 'view', service, itemId: item.id });
      at += rng.int(20, 150) * 1000;
    }
    const abandoned = viewed[0];
    if (abandoned && rng.chance(0.12)) this.emit(at, { type: 'add_to_cart', service, itemId: abandoned.id, quantity: 1, price: abandoned.price });
  }

  /** A moment on this Moscow day at one of the persona's active hours. */
  private timeOfDay(day: number): number {
    const { rng, persona } = this.input;
    return day + rng.pick(persona.hours) * HOUR_MS + rng.int(0, 59) * MINUTE_MS + rng.int(0, 59) * 1000;
  }

  private emit(t: number, fields: Omit<ShopEvent, 'id' | 'userId' | 'ts'>): void {
    const { now, firstDay, shopperId, out } = this.input;
    if (t > now || t < firstDay) return;
    this.seq += 1;
    const id = `${shopperId}-${String(this.seq).padStart(5, '0')}`;
    out.push({ t, event: { id, userId: shopperId, ts: '', ...fields } });
  }
}
