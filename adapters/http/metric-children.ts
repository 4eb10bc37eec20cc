import type { Counter, Histogram } from 'prom-client';

/** One label set's value inside a prom-client metric (prom-client 15's own record, updated in place). */
interface CounterRecord {
  value: number;
  labels: Record<string, string | number>;
}

interface HistogramRecord {
  labels: Record<string, string | number>;
  bucketValues: Record<number, number>;
  sum: number;
  count: number;
}

/** The parts of prom-client's metric objects that the children below read (pinned version 15.1.3). */
interface MetricInternals<R> {
  hashMap: Record<string, R>;
  labelNames: readonly string[];
}

function sameLabels(a: Record<string, string | number>, b: Record<string, string | number>, names: readonly string[]): boolean {
  for (const name of names) if (String(a[name]) !== String(b[name])) return false;
  return true;
}

/**
 * Finds the record of a label set in a metric's map, creating it with `create` when absent. Prom-client's own
 * `labels(...).inc()` hashes and validates the labels on every call; the children here find the record once and
 * find it again only when the map was reset or the record removed.
 */
class RecordSlot<R extends { labels: Record<string, string | number> }> {
  readonly #metric: MetricInternals<R>;
  readonly #labels: Record<string, string | number>;
  readonly #create: () => void;
  #map: Record<string, R> | undefined;
  #key = '';
  #record: R | undefined;

  constructor(metric: MetricInternals<R>, labels: Record<string, string | number>, create: () => void) {
    this.#metric = metric;
    this.#labels = labels;
    this.#create = create;
  }

  get(): R {
    const map = this.#metric.hashMap;
    const record = this.#record;
    if (record !== undefined && map === this.#map && map[this.#key] === record) return record;
    return this.#find(map) ?? (this.#create(), this.#find(this.#metric.hashMap)!);
  }

  #find(map: Record<string, R>): R | undefined {
    for (const key in map) {
      const record = map[key]!;
      if (!sameLabels(record.labels, this.#labels, this.#metric.labelNames)) continue;
      this.#map = map;
      this.#key = key;
      this.#record = record;
      return record;
    }
    return undefined;
  }
}

/** A counter's child for fixed label values; `inc()` adds one, exactly as `counter.labels(labels).inc()`. */
export class CounterChild {
  readonly #slot: RecordSlot<CounterRecord>;

  constructor(counter: Counter<string>, labels: Record<string, string | number>) {
    const internals = counter as unknown as MetricInternals<CounterRecord>;
    // An increment by zero creates the record without counting anything.
    this.#slot = new RecordSlot(internals, { ...labels }, () => counter.inc(labels, 0));
  }

  inc(): void {
    this.#slot.get().value += 1;
  }
}

/** A histogram's child for fixed label values; `observe()` records as `histogram.labels(labels).observe()`. */
export class HistogramChild {
  readonly #slot: RecordSlot<HistogramRecord>;
  readonly #upperBounds: readonly number[];
  // The bucket records are keyed by the bounds as strings: converting a fractional number to its key on every
  // observation costs more than the rest of it.
  readonly #bucketKeys: readonly string[];

  constructor(histogram: Histogram<string>, labels: Record<string, string | number>) {
    const internals = histogram as unknown as MetricInternals<HistogramRecord> & { upperBounds: number[] };
    this.#upperBounds = internals.upperBounds;
    this.#bucketKeys = internals.upperBounds.map(String);
    // zero() is only called when no record exists, so it never clears counts.
    this.#slot = new RecordSlot(internals, { ...labels }, () => histogram.zero(labels));
  }

  observe(value: number): void {
    if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
    const record = this.#slot.get();
    record.sum += value;
    record.count += 1;
    // The smallest bucket bound at or above the value; above every bound only +Inf (derived from count) grows.
    const bounds = this.#upperBounds;
    for (let i = 0; i < bounds.length; i += 1) {
      if (value <= bounds[i]!) {
        const counts = record.bucketValues as Record<string, number>;
        const key = this.#bucketKeys[i]!;
        if (Object.hasOwn(counts, key)) counts[key]! += 1;
        return;
      }
    }
  }
}
