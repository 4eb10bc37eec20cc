/**
 * A tiny seeded pseudo-random generator (mulberry32) with the helpers the demo generator needs.
 * Own code rather than a package so the output stays identical across dependency upgrades.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // Fold the seed through one hash round so nearby seeds give unrelated streams.
    this.state = hashString(`seed:${seed}`);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new RangeError('pick from an empty array');
    return values[Math.floor(this.next() * values.length)] as T;
  }

  /** One element chosen with probability proportional to `weight(element)`. */
  weighted<T>(values: readonly T[], weight: (value: T) => number): T {
    let total = 0;
    for (const value of values) total += weight(value);
    let roll = this.next() * total;
    for (const value of values) {
      roll -= weight(value);
      if (roll < 0) return value;
    }
    return this.pick(values);
  }

  /** Up to `count` distinct elements, in random order. */
  sample<T>(values: readonly T[], count: number): T[] {
    const copy = values.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  /** A new generator whose stream depends on this one and on `label`, so adding draws elsewhere does not shift it. */
  fork(label: string): Rng {
    const child = new Rng(0);
    child.state = hashString(`${label}:${Math.floor(this.next() * 4294967296)}`);
    return child;
  }
}

/** FNV-1a 32-bit hash, used to derive stable sub-seeds and per-brand price factors. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
