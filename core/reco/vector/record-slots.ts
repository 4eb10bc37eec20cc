import type { VectorMetadata, VectorRecord } from './vector-index.ts';
import { ValidationError } from '../../errors.ts';
import { copyMetadata, frozenMetadata } from './vector-index.ts';
import { normalized } from './vector-math.ts';

/** How {@link RecordSlots.claim} found a slot for an id. */
export type SlotClaim = 'existing' | 'freed' | 'new';

/**
 * The record table shared by the in-process vector indexes: ids to dense slots, each slot's id and metadata, and
 * the slots of removed records for reuse. The indexes keep only their vectors and search structures.
 */
export class RecordSlots {
  /** Per slot: the record id (undefined once removed). Read directly on scan paths. */
  readonly ids: (string | undefined)[] = [];
  /** Per slot: the index's own metadata copy, shared read-only with callers. */
  readonly metadata: (VectorMetadata | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];

  /** The slot of a live record. */
  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** A slot for `id` (its own, a freed one or a new one) holding `metadata` from now on. */
  claim(id: string, metadata: VectorMetadata): { slot: number; how: SlotClaim } {
    let slot = this.slotOf.get(id);
    let how: SlotClaim = 'existing';
    if (slot === undefined) {
      const freed = this.free.pop();
      how = freed === undefined ? 'new' : 'freed';
      slot = freed ?? this.ids.length;
      this.slotOf.set(id, slot);
    }
    this.ids[slot] = id;
    this.metadata[slot] = frozenMetadata(metadata);
    return { slot, how };
  }

  /** Forgets a record; returns its slot (now free) or undefined when unknown. */
  remove(id: string): number | undefined {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return undefined;
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    this.metadata[slot] = undefined;
    this.free.push(slot);
    return slot;
  }

  /** Ids of the records whose metadata names this shopper (erasure). */
  idsOfShopper(shopperId: string): string[] {
    const out: string[] = [];
    for (const [id, slot] of this.slotOf) if (this.metadata[slot]?.shopperId === shopperId) out.push(id);
    return out;
  }

  /** Live slots. */
  slots(): IterableIterator<number> {
    return this.slotOf.values();
  }

  /** Records by id with their values from `valuesOf(slot)` and a metadata copy; unknown ids are left out. */
  fetch(ids: readonly string[], valuesOf: (slot: number) => Float32Array): VectorRecord[] {
    return ids.flatMap((id) => {
      const slot = this.slotOf.get(id);
      return slot === undefined ? [] : [{ id, values: valuesOf(slot), metadata: copyMetadata(this.metadata[slot]!) }];
    });
  }

  /** How many records are live. */
  get size(): number {
    return this.slotOf.size;
  }

  /** One past the highest slot ever used. */
  get extent(): number {
    return this.ids.length;
  }
}

/** The unit-length rows of records about to be upserted, all checked (id, dimensions, finite values) before any is stored. */
export function normalizedRows(records: readonly VectorRecord[], dimensions: number): Float32Array[] {
  return records.map((record) => {
    if (!record.id) throw new ValidationError('a vector record needs an id');
    return normalized(record.values, dimensions);
  });
}
