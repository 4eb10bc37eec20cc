import type { ShopEvent } from '../events/shop-event.ts';
import { ValidationError } from '../errors.ts';
import { createTimeSlicer } from '../time-slicer.ts';
import type { CatalogSnapshot, CatalogStore } from '../stores/catalog-store.ts';
import type { ProfileRecord, ProfileStore } from '../stores/profile-store.ts';
import { accumulateEvent, DEFAULT_ACCUMULATOR_LIMITS, type AccumulatorLimits } from './profile-accumulator.ts';
import { emptyProfileState } from './profile-state.ts';
import { DEFAULT_VIEW_OPTIONS, deriveProfile, type ProfileViewOptions } from './profile-view.ts';
import { ProfileViewStore } from './profile-view-store.ts';
import { normalizePreferenceValue } from './preference-constraints.ts';
import type { ExplicitPreference, PreferenceKind, ShopperProfile } from './shopper-profile.ts';

/** Options for {@link ProfileBuilder}. */
export interface ProfileBuilderOptions {
  profiles: ProfileStore;
  catalog: CatalogStore;
  view?: Partial<ProfileViewOptions>;
  limits?: Partial<AccumulatorLimits>;
  /** Applied event ids remembered per shopper, so redelivered events are skipped (default 2,000). */
  appliedIdsLimit?: number;
  /**
   * Derive the read view on every write instead of on the next read (default false: applying an event is then
   * about three times cheaper, and reads through {@link ProfileBuilder.profiles} derive it once).
   */
  eagerViews?: boolean;
  /** Shoppers updated at the same time within one batch (default 8). */
  concurrency?: number;
  now?: () => Date;
}

/** What applying a batch did. */
export interface ApplyResult {
  /** Events added to profiles. */
  applied: number;
  /** Events skipped because the shopper's profile had already applied them (redelivery). */
  skipped: number;
  /** Shoppers whose profile changed. */
  shoppers: number;
}

/** A preference as the shopper states it, before normalization. */
export interface PreferenceInput {
  kind: PreferenceKind;
  value: string;
}

const PREFERENCE_KINDS: readonly PreferenceKind[] = ['diet', 'exclude_tag', 'prefer_tag', 'dislike', 'like'];

function groupByShopper(events: readonly ShopEvent[]): Map<string, ShopEvent[]> {
  const groups = new Map<string, ShopEvent[]>();
  for (const event of events) {
    let list = groups.get(event.userId);
    if (!list) groups.set(event.userId, (list = []));
    list.push(event);
  }
  return groups;
}

const appliedIndexes = new WeakMap<string[], Set<string>>();

/**
 * The applied ids as a set, kept beside the array while the same record object lives on (the memory store
 * updates in place), so a batch does not rebuild a set of thousands of ids.
 */
function appliedIndex(ids: string[]): Set<string> {
  let set = appliedIndexes.get(ids);
  if (!set || set.size !== ids.length) {
    set = new Set(ids);
    appliedIndexes.set(ids, set);
  }
  return set;
}

async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Builds unified profiles incrementally: applying events reads and writes only the shoppers they belong to.
 * Each shopper's write is optimistic (expected version) and retried, so several workers can share a store;
 * the record remembers the latest applied event ids, so an event delivered twice is applied once.
 */
export class ProfileBuilder {
  readonly #profiles: ProfileStore;
  readonly #catalog: CatalogStore;
  readonly #view: ProfileViewOptions;
  readonly #limits: AccumulatorLimits;
  readonly #appliedIdsLimit: number;
  readonly #concurrency: number;
  readonly #eagerViews: boolean;
  /** The store to hand to every reader: its views are always up to date. */
  readonly profiles: ProfileStore;
  readonly #now: () => Date;

  constructor(options: ProfileBuilderOptions) {
    this.#profiles = options.profiles;
    this.#catalog = options.catalog;
    this.#view = { ...DEFAULT_VIEW_OPTIONS, ...options.view };
    this.#limits = { ...DEFAULT_ACCUMULATOR_LIMITS, ...options.limits };
    this.#appliedIdsLimit = options.appliedIdsLimit ?? 2_000;
    this.#concurrency = options.concurrency ?? 8;
    this.#eagerViews = options.eagerViews ?? false;
    this.profiles = new ProfileViewStore({
      inner: options.profiles,
      catalog: options.catalog,
      derive: (record, catalog) => deriveProfile(record.shopperId, record.state, record.preferences, catalog, this.#view),
    });
    this.#now = options.now ?? (() => new Date());
  }

  /** Applies validated events; each shopper is read and written once per call. */
  async applyEvents(events: readonly ShopEvent[]): Promise<ApplyResult> {
    const result: ApplyResult = { applied: 0, skipped: 0, shoppers: 0 };
    if (events.length === 0) return result;
    const catalog = await this.#catalog.snapshot();
    const groups = [...groupByShopper(events)];
    // Each shopper is updated atomically; between shoppers a large batch lets other requests in.
    const slicer = createTimeSlicer();
    await runPool(groups, this.#concurrency, async ([shopperId, list]) => {
      const applied = await this.#update(shopperId, (record) => this.#applyTo(record, list, catalog));
      result.applied += applied;
      result.skipped += list.length - applied;
      if (applied > 0) result.shoppers += 1;
      if (slicer.due()) await slicer.pause();
    });
    return result;
  }

  /** The read view of a shopper, or undefined when nothing is known. */
  async getProfile(shopperId: string): Promise<ShopperProfile | undefined> {
    return this.profiles.getProfile(shopperId);
  }

  /** Records something the shopper stated ("I am vegan", "no nuts", "I hate coriander"); idempotent. */
  async addPreference(shopperId: string, input: PreferenceInput): Promise<ShopperProfile> {
    const preference = this.#normalize(input);
    const catalog = await this.#catalog.snapshot();
    let profile: ShopperProfile | undefined;
    await this.#update(shopperId, (record) => {
      const exists = record.preferences.some((p) => p.kind === preference.kind && p.value === preference.value);
      if (!exists) record.preferences.push({ ...preference, addedAt: this.#now().toISOString() });
      profile = this.#refresh(record, catalog);
      return exists ? 0 : 1;
    });
    return profile!;
  }

  /** Forgets a stated preference; returns the profile, or undefined when the shopper is unknown. */
  async removePreference(shopperId: string, input: PreferenceInput): Promise<ShopperProfile | undefined> {
    const preference = this.#normalize(input);
    if (!(await this.#profiles.get(shopperId))) return undefined;
    const catalog = await this.#catalog.snapshot();
    let profile: ShopperProfile | undefined;
    await this.#update(shopperId, (record) => {
      const before = record.preferences.length;
      record.preferences = record.preferences.filter((p) => !(p.kind === preference.kind && p.value === preference.value));
      profile = this.#refresh(record, catalog);
      return before - record.preferences.length;
    });
    return profile;
  }

  /** Recomputes a shopper's view against the current catalog (after catalog changes). */
  async refresh(shopperId: string): Promise<ShopperProfile | undefined> {
    if (!(await this.#profiles.get(shopperId))) return undefined;
    const catalog = await this.#catalog.snapshot();
    let profile: ShopperProfile | undefined;
    await this.#update(shopperId, (record) => {
      profile = this.#refresh(record, catalog);
      return 1;
    });
    return profile;
  }

  #normalize(input: PreferenceInput): Omit<ExplicitPreference, 'addedAt'> {
    const value = normalizePreferenceValue(String(input.value ?? ''));
    if (!PREFERENCE_KINDS.includes(input.kind)) throw new ValidationError(`unknown preference kind '${String(input.kind)}'`);
    if (!value || value.length > 200) throw new ValidationError('a preference value must have 1 to 200 characters');
    return { kind: input.kind, value };
  }

  #applyTo(record: ProfileRecord, events: readonly ShopEvent[], catalog: CatalogSnapshot): number {
    const seen = appliedIndex(record.appliedEventIds);
    let applied = 0;
    for (const event of events) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      accumulateEvent(record.state, event, this.#limits);
      record.appliedEventIds.push(event.id);
      applied += 1;
    }
    if (applied === 0) return 0;
    const overflow = record.appliedEventIds.length - this.#appliedIdsLimit;
    if (overflow > 0) for (const id of record.appliedEventIds.splice(0, overflow)) seen.delete(id);
    if (this.#eagerViews) this.#refresh(record, catalog);
    else record.stale = true;
    return applied;
  }

  #refresh(record: ProfileRecord, catalog: CatalogSnapshot): ShopperProfile {
    record.profile = deriveProfile(record.shopperId, record.state, record.preferences, catalog, this.#view);
    delete record.stale;
    return record.profile;
  }

  /** Read-modify-write through the store's atomic update; `change` returns how much it changed (0: no write). */
  async #update(shopperId: string, change: (record: ProfileRecord) => number): Promise<number> {
    let changed = 0;
    await this.#profiles.update(
      shopperId,
      (record) => {
        changed = change(record);
        if (changed > 0) record.updatedAt = this.#now().toISOString();
        return changed > 0;
      },
      () => this.#emptyRecord(shopperId),
    );
    return changed;
  }

  #emptyRecord(shopperId: string): ProfileRecord {
    const state = emptyProfileState();
    return {
      shopperId,
      version: 0,
      updatedAt: this.#now().toISOString(),
      state,
      preferences: [],
      appliedEventIds: [],
      profile: deriveProfile(shopperId, state, [], { revision: 0, items: [], get: () => undefined }, this.#view),
    };
  }
}
