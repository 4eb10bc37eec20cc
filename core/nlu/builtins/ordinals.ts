import { memo } from '../memo.ts';
import type { Token } from '../text.ts';
import { entityOver } from './builtin-entity.ts';
import type { BuiltinMatch } from './builtin-entity.ts';

const RU_ENDING = '(ый|ий|ой|ая|яя|ое|ее|ого|его|ую|юю|ом|ем|ые|ие|ых|их|ей|ым|им|ыми|ими)';
const RU_ROOTS: [string, number][] = [
  ['предпоследн', -2], ['последн', -1], ['перв', 1], ['втор', 2], ['трет(ь)?', 3], ['четверт', 4], ['пят', 5], ['шест', 6],
  ['седьм', 7], ['восьм', 8], ['девят', 9], ['десят', 10],
];
const RU: [RegExp, number][] = RU_ROOTS.map(([root, n]) => [new RegExp(`^${root}${RU_ENDING}$`), n]);
// Third person forms: третья/третье/третьего/третью.
RU.push([/^треть(я|е|его|ему|ей|ю|и|их|им)$/, 3]);

const EN: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1,
};

/** The 1-based position an ordinal word names (-1 = last), or undefined. */
export const ordinalWord = memo((norm: string): number | undefined => (Object.hasOwn(EN, norm) ? EN[norm] : undefined) ?? RU.find(([re]) => re.test(norm))?.[1]);

/** Finds ordinals: "второй", "вторую", "1-й", "the first one", "2nd", "последний", "номер 3", "#2". */
export function findOrdinals(text: string, tokens: readonly Token[]): BuiltinMatch[] {
  const out: BuiltinMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const word = ordinalWord(t.norm);
    if (word !== undefined) {
      // "second to last" / "the last one": the trailing words belong to the reference.
      let to = i;
      if (word === 2 && tokens[i + 1]?.norm === 'to' && tokens[i + 2]?.norm === 'last') {
        out.push(entityOver(text, tokens, i, i + 2, 'ordinal', -2));
        i += 2;
        continue;
      }
      if (tokens[i + 1]?.norm === 'one') to = i + 1;
      out.push(entityOver(text, tokens, i, to, 'ordinal', word));
      i = to;
      continue;
    }
    if (t.kind !== 'number' || !/^\d{1,2}$/.test(t.norm)) continue;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (next && next.start === t.end && /^(st|nd|rd|th)$/.test(next.norm)) {
      out.push(entityOver(text, tokens, i, i + 1, 'ordinal', Number(t.norm)));
      i++;
    } else if (next?.norm === '-' && after && /^(й|я|е|ой|ый|ий|ая|ое|ую|ого|го|ю|му)$/.test(after.norm)) {
      out.push(entityOver(text, tokens, i, i + 2, 'ordinal', Number(t.norm)));
      i += 2;
    } else if (i > 0 && /^(номер|№|#|number|no)$/.test(tokens[i - 1]!.norm)) {
      out.push(entityOver(text, tokens, i - 1, i, 'ordinal', Number(t.norm)));
    }
  }
  return out;
}
