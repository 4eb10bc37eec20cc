/** FNV-1a 32-bit hash of a string: a fast, stable feature id. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  return hashFinish(hashUpdate(seed >>> 0, text));
}

/** Feeds a string into a running FNV-1a state (for hashing prefixes without building strings). */
export function hashUpdate(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Feeds one UTF-16 code unit into a running FNV-1a state. */
export function hashStep(state: number, code: number): number {
  return Math.imul(state ^ code, 0x01000193) >>> 0;
}

/** Turns a running state into the final hash. */
export function hashFinish(state: number): number {
  let h = state;
  // Final avalanche so near-identical strings spread over the whole table.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A seeded pseudo-random generator (mulberry32) so training is reproducible. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles an array in place with the given generator (Fisher-Yates). */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}
