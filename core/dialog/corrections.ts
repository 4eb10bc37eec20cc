/**
 * Finds the corrected part of a message: "нет, не две, а три" -> "три", "no, not two but three" -> "three",
 * "make it three" -> "three". Slots are extracted from that part first, so the old value in the
 * same message ("две") does not win.
 */
const PATTERNS: readonly RegExp[] = [
  /(?:^|[\s,.!])не\s+[^,.!?]+?,?\s+а\s+(.+)$/i,
  /(?:^|[\s,.!])(?:лучше|давай(?:те)?|пусть\s+будет|исправь\s+на|поменяй\s+на|измени\s+на|замени\s+на)\s+(.+)$/i,
  /(?:^|[\s,.!])not\s+[^,.!?]+?,?\s+(?:but\s+|rather\s+)?(.+)$/i,
  /(?:^|[\s,.!])(?:make\s+it|change\s+(?:it\s+)?to|instead\s+of\s+that|actually)\s+(.+)$/i,
  /(?:^|[\s,.!])(.+?)\s+instead$/i,
];

/** True when the message looks like a correction ("нет, ...", "no, ...", "не X, а Y"). */
export function isCorrection(text: string): boolean {
  return /^\s*(?:нет|no|nope|не\s|actually|лучше|make\s+it)/i.test(text) || correctionTail(text) !== undefined;
}

/** The corrected value part of a correction message, with its offset in the text. */
export function correctionTail(text: string): { text: string; start: number } | undefined {
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (m?.[1]) {
      const start = m.index + m[0].length - m[1].length;
      return { text: m[1], start };
    }
  }
  return undefined;
}
