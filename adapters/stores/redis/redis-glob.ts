/** Escapes a literal for a Redis glob pattern (SCAN MATCH), so `*?[]\` in keys match only themselves. */
export function escapeRedisGlob(literal: string): string {
  return literal.replace(/[*?[\]\\]/g, '\\$&');
}
