import { memo } from '../memo.ts';
import { parseNumeral } from '../text.ts';
import type { Token } from '../text.ts';

/** A number found over tokens [from, to] (inclusive). */
export interface NumberMatch {
  value: number;
  from: number;
  to: number;
}

type Word = { value: number; kind: 'unit' | 'hundred' | 'multiplier' | 'scale' };

const RU: [RegExp, Word][] = [
  [/^(ноль|нуля|нулю)$/, { value: 0, kind: 'unit' }],
  [/^(один|одна|одно|одного|одной|одному|одну|одним|одними)$/, { value: 1, kind: 'unit' }],
  [/^(два|две|двух|двум|двумя)$/, { value: 2, kind: 'unit' }],
  [/^(три|трех|трем|тремя)$/, { value: 3, kind: 'unit' }],
  [/^(четыре|четырех|четырем|четырьмя)$/, { value: 4, kind: 'unit' }],
  [/^пят(ь|и|ью)$/, { value: 5, kind: 'unit' }],
  [/^шест(ь|и|ью)$/, { value: 6, kind: 'unit' }],
  [/^(семь|семи|семью)$/, { value: 7, kind: 'unit' }],
  [/^(восемь|восьми|восемью)$/, { value: 8, kind: 'unit' }],
  [/^девят(ь|и|ью)$/, { value: 9, kind: 'unit' }],
  [/^десят(ь|и|ью)$/, { value: 10, kind: 'unit' }],
  [/^(одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат)(ь|и|ью)$/, { value: -1, kind: 'unit' }],
  [/^(двадцат|тридцат)(ь|и|ью)$/, { value: -2, kind: 'unit' }],
  [/^(сорок|сорока)$/, { value: 40, kind: 'unit' }],
  [/^(пятьдесят|пятидесяти)$/, { value: 50, kind: 'unit' }],
  [/^(шестьдесят|шестидесяти)$/, { value: 60, kind: 'unit' }],
  [/^(семьдесят|семидесяти)$/, { value: 70, kind: 'unit' }],
  [/^(восемьдесят|восьмидесяти)$/, { value: 80, kind: 'unit' }],
  [/^(девяносто|девяноста)$/, { value: 90, kind: 'unit' }],
  [/^(сто|ста)$/, { value: 100, kind: 'hundred' }],
  [/^(двести|двухсот)$/, { value: 200, kind: 'hundred' }],
  [/^(триста|трехсот)$/, { value: 300, kind: 'hundred' }],
  [/^(четыреста|четырехсот)$/, { value: 400, kind: 'hundred' }],
  [/^(пятьсот|пятисот)$/, { value: 500, kind: 'hundred' }],
  [/^(шестьсот|шестисот)$/, { value: 600, kind: 'hundred' }],
  [/^(семьсот|семисот)$/, { value: 700, kind: 'hundred' }],
  [/^(восемьсот|восьмисот)$/, { value: 800, kind: 'hundred' }],
  [/^(девятьсот|девятисот)$/, { value: 900, kind: 'hundred' }],
  [/^(тысяча|тысячи|тысячу|тысяч|тысячей|тысячам|тыс|тыщ|тыщи|тыщу|тыща|косарь|косаря|косарей)$/, { value: 1000, kind: 'multiplier' }],
  [/^(миллион|миллиона|миллионов|млн|лям|ляма)$/, { value: 1e6, kind: 'multiplier' }],
  [/^(полтора|полторы|полутора)$/, { value: 1.5, kind: 'scale' }],
  [/^(пару|пара|пары|парочку|парочка|паре)$/, { value: 2, kind: 'scale' }],
  [/^(десяток|десятка|десятку|десятков)$/, { value: 10, kind: 'scale' }],
  [/^(дюжина|дюжину|дюжины)$/, { value: 12, kind: 'scale' }],
  [/^(половина|половину|половинку|половинка)$/, { value: 0.5, kind: 'scale' }],
];

const TEENS: Record<string, number> = {
  одиннадцат: 11, двенадцат: 12, тринадцат: 13, четырнадцат: 14, пятнадцат: 15, шестнадцат: 16, семнадцат: 17,
  восемнадцат: 18, девятнадцат: 19, двадцат: 20, тридцат: 30,
};

const EN: Record<string, Word> = {};
['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].forEach((w, i) => { EN[w] = { value: i, kind: 'unit' }; });
['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].forEach((w, i) => {
  EN[w] = { value: (i + 2) * 10, kind: 'unit' };
});
Object.assign(EN, {
  hundred: { value: 100, kind: 'multiplier' }, thousand: { value: 1000, kind: 'multiplier' },
  grand: { value: 1000, kind: 'multiplier' }, million: { value: 1e6, kind: 'multiplier' },
  dozen: { value: 12, kind: 'scale' }, couple: { value: 2, kind: 'scale' }, pair: { value: 2, kind: 'scale' },
  half: { value: 0.5, kind: 'scale' },
} satisfies Record<string, Word>);

/** The value of one number word (ru or en), or undefined. */
export const numberWord = memo(numberWordUncached);

function numberWordUncached(norm: string): Word | undefined {
  const en = Object.hasOwn(EN, norm) ? EN[norm] : undefined;
  if (en) return en;
  for (const [re, word] of RU) {
    const m = re.exec(norm);
    if (!m) continue;
    if (word.value < 0) return { value: TEENS[m[1] as string] ?? 0, kind: 'unit' };
    return word;
  }
  return undefined;
}

const GLUED_THOUSANDS = /^(к|k|тыс|т)$/;

/** Finds numbers written in digits ("1 000", "1,5", "5к") or words ("двести пятьдесят", "a dozen", "полторы тысячи"). */
export function findNumbers(tokens: readonly Token[]): NumberMatch[] {
  const out: NumberMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = tokens[i]?.kind === 'number' ? digitNumber(tokens, i) : wordNumber(tokens, i);
    if (match) {
      out.push(match);
      i = match.to + 1;
    } else i++;
  }
  return out;
}

function digitNumber(tokens: readonly Token[], i: number): NumberMatch {
  let value = parseNumeral((tokens[i] as Token).norm);
  let to = i;
  // "1 000 000": groups of three digits after a single space continue the number.
  while (/^\d{1,3}$/.test((tokens[i] as Token).norm) && tokens[to + 1]?.kind === 'number' && /^\d{3}$/.test(tokens[to + 1]!.norm)
    && tokens[to + 1]!.start === tokens[to]!.end + 1 && Number.isInteger(value)) {
    value = value * 1000 + Number(tokens[to + 1]!.norm);
    to++;
  }
  const next = tokens[to + 1];
  if (next && next.start === tokens[to]!.end && GLUED_THOUSANDS.test(next.norm)) return { value: value * 1000, from: i, to: to + 1 };
  const word = next ? numberWord(next.norm) : undefined;
  if (word?.kind === 'multiplier') return { value: value * word.value, from: i, to: to + 1 };
  return { value, from: i, to };
}

function wordNumber(tokens: readonly Token[], i: number): NumberMatch | undefined {
  let total = 0;
  let current = 0;
  let to = -1;
  let j = i;
  // "a dozen", "a couple of": the article belongs to the number.
  if (tokens[j]?.norm === 'a' && numberWord(tokens[j + 1]?.norm ?? '')?.kind === 'scale') j++;
  for (; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.norm === 'and' && to >= 0 && numberWord(tokens[j + 1]?.norm ?? '')) continue;
    const word = numberWord(t.norm);
    if (!word) break;
    if (word.kind === 'multiplier') {
      if (word.value === 100) current = Math.max(current, 1) * 100;
      else {
        total += Math.max(current, 1) * word.value;
        current = 0;
      }
    } else if (word.kind === 'scale') {
      if (to >= 0 && current === 0 && total === 0) break;
      current = current === 0 ? word.value : current * word.value;
    } else if (!canAdd(current, word.value)) break;
    else current += word.value;
    to = j;
    if (word.kind === 'scale') break;
  }
  if (to < 0) return undefined;
  const half = halfAfter(tokens, to);
  if (half > to) {
    current += 0.5;
    to = half;
  }
  const next = tokens[to + 1];
  const after = next ? numberWord(next.norm) : undefined;
  if (after?.kind === 'multiplier' && after.value >= 1000) {
    return { value: (total + Math.max(current, 1)) * after.value, from: i, to: to + 1 };
  }
  return { value: total + current, from: i, to };
}

function canAdd(current: number, value: number): boolean {
  if (current === 0) return true;
  const magnitude = 10 ** String(Math.floor(value)).length;
  const rest = current % 100;
  if (value < 10 && rest >= 10 && rest < 20) return false;
  return current % magnitude === 0 && current > value;
}

// "one and a half", "два с половиной": the half extends the number.
function halfAfter(tokens: readonly Token[], to: number): number {
  const words = tokens.slice(to + 1, to + 4).map((t) => t.norm);
  if (words[0] === 'and' && words[1] === 'a' && words[2] === 'half') return to + 3;
  if (words[0] === 'с' && /^половин/.test(words[1] ?? '')) return to + 2;
  return to;
}
