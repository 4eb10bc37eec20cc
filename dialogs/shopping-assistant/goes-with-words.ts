// `\b` only knows ASCII letters, so the pattern gets Unicode-aware word boundaries.
import { unicodeWordPattern as w } from './word-bounds.ts';

const IT_RU = '(?:нему|ней|ним|него|нее|неё|этому|этой|этим|этих|них|это|этого|этот|эту)';
const IT_EN = '(?:it|them|this(?:\\s+one)?|that(?:\\s+one)?|these|those)';

/**
 * "что к нему подойдёт?", "что взять к этому?", "с чем это едят?", "what goes with it?": what goes with the item just
 * talked about, no product named (a named one, "а чехол к нему?", is the accessory flow's).
 */
export const GOES_WITH = w([
  `\\bчто\\s+(?:(?:ещ[её]|бы|мне|можно|же)\\s+){0,2}(?:к|с|под)\\s+${IT_RU}\\s+(?:(?:ещ[её]|можно|бы|мне)\\s+){0,2}(?:подойд[её]т|подходит|ид[её]т|пойд[её]т|взять|купить|добавить|докупить|подобрать|брать|берут|нужно|надо|посоветуешь|порекомендуешь|подходящее)`,
  `\\bчто\\s+(?:(?:ещ[её]|бы|мне|можно)\\s+){0,2}(?:подойд[её]т|подходит|ид[её]т|взять|купить|добавить|докупить|подобрать|брать|берут|нужно|надо)\\s+(?:(?:ещ[её]|мне)\\s+)?(?:к|с|под)\\s+${IT_RU}\\b`,
  `\\bс\\s+чем\\s+(?:\\p{L}+\\s+)?(?:${IT_RU}|его|е[её]|их)\\s+(?:\\p{L}+\\s+)?(?:едят|есть|носят|носить|сочетать|сочетается|берут|брать|взять|подавать|использовать)`,
  `\\bс\\s+чем\\s+(?:едят|берут|сочетается|носят)\\s+(?:${IT_RU}|его|е[её]|их)\\b`,
  `\\bwhat\\s+(?:else\\s+)?(?:goes|would\\s+go|pairs|works)\\s+(?:well\\s+|nicely\\s+)?with\\s+${IT_EN}\\b`,
  `\\bwhat\\s+(?:else\\s+)?(?:should|could|can|do|would)\\s+(?:i|we|people)\\s+(?:get|buy|take|add|pair|need)\\s+(?:to\\s+go\\s+)?(?:with|for)\\s+${IT_EN}\\b`,
  `\\bwhat\\s+(?:else\\s+)?do\\s+(?:people|others|shoppers)\\s+(?:buy|get|take)\\s+with\\s+${IT_EN}\\b`,
  `\\b(?:anything|something)\\s+(?:else\\s+)?to\\s+go\\s+with\\s+${IT_EN}\\b`,
  `\\bwhat\\s+(?:else\\s+)?to\\s+(?:get|buy|pair)\\s+with\\s+${IT_EN}\\b`,
  `\\bwhat\\s+(?:else\\s+)?(?:would|will)\\s+go\\s+with\\s+${IT_EN}\\b`,
].join('|'));

/** Whether a message asks what goes with the item just talked about. */
export function asksWhatGoesWith(text: string): boolean {
  return GOES_WITH.test(text);
}
