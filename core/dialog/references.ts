/**
 * Resolves references to items that were shown: "возьми второе", "the first one", "последний", "это",
 * "ещё две такие". Returns a zero-based index into the shown list, or 'last-mentioned' for anaphora.
 */
export type ItemReference = { kind: 'index'; index: number } | { kind: 'last' } | { kind: 'anaphor' };

const RU_ORDINALS: ReadonlyArray<[RegExp, number]> = [
  [/\bперв(?:ый|ое|ая|ую|ого|ой|ые|ых)\b/, 0],
  [/\bвтор(?:ой|ое|ая|ую|ого|ые|ых)\b/, 1],
  [/\bтрет(?:ий|ье|ья|ью|ьего|ьей|ьи)\b/, 2],
  [/\bчетв[её]рт(?:ый|ое|ая|ую|ого|ой)\b/, 3],
  [/\bпят(?:ый|ое|ая|ую|ого|ой)\b/, 4],
  [/\bшест(?:ой|ое|ая|ую|ого)\b/, 5],
];
const EN_ORDINALS: ReadonlyArray<[RegExp, number]> = [
  [/\b(?:first|1st)\b/, 0],
  [/\b(?:second|2nd)\b/, 1],
  [/\b(?:third|3rd)\b/, 2],
  [/\b(?:fourth|4th)\b/, 3],
  [/\b(?:fifth|5th)\b/, 4],
  [/\b(?:sixth|6th)\b/, 5],
];
const LAST = /\b(?:последн(?:ий|ее|юю|яя|его|ей)|last\s+one|the\s+last)\b/;
const ANAPHOR = /(?:^|\s)(?:так(?:ие|ой|ое|ую|ая|их)|это(?:т|го)?|эт[уиа]|его|её|ее|их|same|this|that|these|those|it|them)(?=$|[\s,.!?])/;
const NUMBER_SIGN = /(?:№|#|номер\s*|number\s*)(\d{1,2})\b/;

// \b only knows ASCII letters, so Russian patterns get Unicode-aware word boundaries.
const compiled = new Map<RegExp, RegExp>();
function ruTest(re: RegExp, text: string): boolean {
  let unicode = compiled.get(re);
  if (!unicode) {
    unicode = new RegExp(re.source.replace(/^\\b/, '(?<!\\p{L})').replace(/\\b$/, '(?!\\p{L})'), 'u');
    compiled.set(re, unicode);
  }
  return unicode.test(text);
}

/** Finds a reference to a shown item in the message, if any. */
export function findItemReference(text: string): ItemReference | undefined {
  const lower = text.toLowerCase();
  const sign = NUMBER_SIGN.exec(lower);
  if (sign?.[1]) return { kind: 'index', index: Number(sign[1]) - 1 };
  for (const [re, index] of RU_ORDINALS) if (ruTest(re, lower)) return { kind: 'index', index };
  for (const [re, index] of EN_ORDINALS) if (re.test(lower)) return { kind: 'index', index };
  if (ruTest(LAST, lower)) return { kind: 'last' };
  if (ANAPHOR.test(lower)) return { kind: 'anaphor' };
  return undefined;
}

/** Picks the referenced element of `shown`; anaphora resolve to `lastMentioned` or the first shown item. */
export function resolveItemReference<T>(
  reference: ItemReference | undefined,
  shown: readonly T[],
  lastMentioned?: T,
): T | undefined {
  if (!reference) return undefined;
  if (reference.kind === 'index') return shown[reference.index];
  if (reference.kind === 'last') return shown[shown.length - 1];
  return lastMentioned ?? shown[0];
}
