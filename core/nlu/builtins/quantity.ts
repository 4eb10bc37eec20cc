import { memo } from '../memo.ts';
import type { Token } from '../text.ts';
import { entityOver } from './builtin-entity.ts';
import type { BuiltinMatch } from './builtin-entity.ts';
import type { NumberMatch } from './numbers.ts';

/** An amount with a unit: `unit` is a code (kg, g, l, ml, pcs, pack, bottle, box, can, bag, loaf, lb). */
export interface Quantity {
  amount: number;
  unit: string;
}

const UNITS: [RegExp, string][] = [
  [/^(кг|килограмм|килограмма|килограммов|кило|килограммах|kg|kgs|kilo|kilos|kilograms?)$/, 'kg'],
  [/^(г|гр|грамм|грамма|граммов|грам|граммах|g|gr|grams?|grammes?)$/, 'g'],
  [/^(л|литр|литра|литров|литре|литрах|литрушк[аиу]|l|liters?|litres?|ltr)$/, 'l'],
  [/^(мл|миллилитр|миллилитра|миллилитров|ml|milliliters?|millilitres?)$/, 'ml'],
  [/^(шт|штук|штука|штуки|штуку|штучки|штучек|pcs|pc|pieces?|items?)$/, 'pcs'],
  [/^(пачк[аиуе]|пачек|пачкой|пачками|упаковк[аиуе]|упаковок|уп|пакетик[аов]*|packs?|packets?|packages?|cartons?)$/, 'pack'],
  [/^(бутылк[аиуе]|бутылок|бутылочк[аиу]|бутылочек|bottles?)$/, 'bottle'],
  [/^(коробк[аиуе]|коробок|коробочк[аиу]|boxe?s?)$/, 'box'],
  [/^(банк[аиуе]|банок|баночк[аиу]|баночек|cans?|jars?|tins?)$/, 'can'],
  [/^(пакет|пакета|пакетов|пакеты|мешок|мешка|мешков|bags?|sacks?)$/, 'bag'],
  [/^(батон|батона|батонов|буханк[аиу]|буханок|loaf|loaves)$/, 'loaf'],
  [/^(lb|lbs|pounds?|фунт|фунта|фунтов)$/, 'lb'],
  [/^(порци[яию]|порций|servings?|portions?)$/, 'serving'],
];

/** The unit code of a folded token, if it names one. */
export const unitOf = memo((norm: string): string | undefined => UNITS.find(([re]) => re.test(norm))?.[1]);

const HALF_PREFIX = /^пол(кило|килограмма|литра|литровую|литровая)$/;

/** Finds quantities: "2 кг", "полтора литра", "2 пачки", "пол-литра", "a dozen bottles". */
export function findQuantities(text: string, tokens: readonly Token[], numbers: readonly NumberMatch[]): BuiltinMatch[] {
  const out: BuiltinMatch[] = [];
  for (const n of numbers) {
    let to = n.to + 1;
    // "2 пачки", "two packs of", "3 x 500 g" is too rare to matter; allow one adjective between ("2 больших пачки").
    let unit = tokens[to] ? unitOf(tokens[to]!.norm) : undefined;
    if (!unit && tokens[to]?.kind === 'word' && tokens[to + 1] && unitOf(tokens[to + 1]!.norm) && /(ых|их|ие|ые|large|small|big)$/.test(tokens[to]!.norm)) {
      to++;
      unit = unitOf(tokens[to]!.norm);
    }
    if (unit) out.push(entityOver(text, tokens, n.from, to, 'quantity', { amount: n.value, unit } satisfies Quantity));
  }
  tokens.forEach((t, i) => {
    const half = HALF_PREFIX.exec(t.norm);
    if (half) out.push(entityOver(text, tokens, i, i, 'quantity', { amount: 0.5, unit: half[1]!.startsWith('лит') ? 'l' : 'kg' }));
    if (t.norm === 'пол' && tokens[i + 1]?.norm === '-' && tokens[i + 2] && unitOf(tokens[i + 2]!.norm)) {
      out.push(entityOver(text, tokens, i, i + 2, 'quantity', { amount: 0.5, unit: unitOf(tokens[i + 2]!.norm) as string }));
    }
  });
  return out;
}
