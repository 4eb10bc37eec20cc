import type { Locale } from '../activity.ts';
import type { QuickReply } from '../reply.ts';
import type { Entity } from '../nlu/recognizer.ts';
import { numbersIn } from './numbers.ts';

/** What a slot type extracts from: one message (or the corrected part of it). */
export interface SlotInput {
  text: string;
  /** Recognizer entities inside `text`. */
  entities: readonly Entity[];
  locale: Locale;
  /** True when the dialog just asked for this very slot. */
  asked: boolean;
  /** The conversation's memory, for slots that refer to what was said or shown before. */
  memory?: Readonly<Record<string, unknown>>;
}

/** How to find a slot's value in a message. Returns undefined when the message has none. */
export interface SlotType<T = unknown> {
  readonly name: string;
  /**
   * Fills from almost any words (a product name, a comment). Such a slot never makes a message count as an
   * answer when the message may be an interruption; it is only filled once the message is taken as one.
   */
  readonly freeText?: boolean;
  extract(input: SlotInput): T | undefined;
}

/** A slot of a form: its type, when it is required, and how to ask for it. */
export interface SlotDefinition<T = unknown> {
  name: string;
  type: SlotType<T>;
  /** Required slots are asked for; optional ones are only taken when the shopper mentions them. */
  required?: boolean | ((values: Record<string, unknown>) => boolean);
  /** Locale key of the question. */
  prompt?: string;
  /** Locale keys of the follow-up questions, each more explicit than the last. */
  reprompts?: string[];
  /** Suggested answers shown under the question. */
  quickReplies?: (t: (key: string, vars?: Record<string, unknown>) => string) => QuickReply[];
  /** Returns a locale key describing the problem, or undefined when the value is fine. */
  validate?: (value: T, values: Record<string, unknown>) => string | undefined;
}

/** A positive integer: digits, number words or a recognizer `number`/`quantity` entity. */
export function integerSlot(options: { min?: number; max?: number } = {}): SlotType<number> {
  const min = options.min ?? 1;
  const max = options.max ?? 1000;
  return {
    name: 'integer',
    extract({ text, entities }) {
      const entity = entities.find((e) => (e.type === 'number' || e.type === 'quantity') && typeof e.value === 'number');
      const candidates = entity ? [entity.value as number] : numbersIn(text).map((n) => n.value);
      return candidates.find((n) => Number.isInteger(n) && n >= min && n <= max);
    },
  };
}

// Every common way to say an upper bound: "до 1000р", "не больше 500 руб", "в пределах 500", "max 500 rub", "under 300".
const MONEY_RE =
  /(?:до|не\s+дороже|не\s+больше|не\s+более|не\s+выше|дешевле|в\s+пределах|в\s+рамках|максимум|макс\.?|under|below|up\s+to|within|max(?:imum)?|at\s+most|no\s+more\s+than|not\s+more\s+than|less\s+than|cheaper\s+than|budget(?:\s+of)?|бюджет(?:ом)?)\s*(?:₽\s*)?(\d+(?:\s\d{3})*(?:[.,]\d+)?)(?:((?:к|k)(?![а-яёa-z]))|\s*(тыс\.?|тысяч[а-я]*))?/i;
// "р" is a currency only as a whole word ("1000р", "500 р."), never the start of "рыба".
const AMOUNT_WITH_CURRENCY_RE = /(\d+(?:\s\d{3})*(?:[.,]\d+)?)(?:((?:к|k)(?![а-яёa-z]))|\s*(тыс\.?|тысяч[а-я]*))?\s*(?:₽|руб(?:лей|ля|\.)?|р\.?(?![а-яёa-z])|rub(?:les?)?|roubles?)/i;

function parseAmount(digits: string, multiplier: string | undefined): number {
  const base = Number(digits.replace(/\s/g, '').replace(',', '.'));
  return multiplier ? base * 1000 : base;
}

/** An upper price bound in roubles ("до 1000 рублей", "в пределах 500 р", "under 500", "max 500 rub", "бюджет 2к"). */
export const budgetSlot: SlotType<number> = {
  name: 'budget',
  extract({ text, entities, asked }) {
    const money = entities.find((e) => e.type === 'money');
    if (money && typeof money.value === 'object' && money.value !== null && 'amount' in money.value) {
      const amount = Number((money.value as { amount: unknown }).amount);
      if (Number.isFinite(amount) && amount > 0) return amount;
    }
    const bound = MONEY_RE.exec(text);
    if (bound?.[1]) return parseAmount(bound[1], bound[2] ?? bound[3]);
    const withCurrency = AMOUNT_WITH_CURRENCY_RE.exec(text);
    if (withCurrency?.[1]) return parseAmount(withCurrency[1], withCurrency[2] ?? withCurrency[3]);
    if (asked) {
      const bare = /^\s*(\d[\d\s]*)\s*(к|k)?\s*$/i.exec(text);
      if (bare?.[1]) return parseAmount(bare[1], bare[2]);
    }
    return undefined;
  },
};

/** One of a fixed set of values, each recognised by its patterns. */
export function choiceSlot<T extends string>(name: string, options: Record<T, RegExp[]>): SlotType<T> {
  const entries = Object.entries(options) as Array<[T, RegExp[]]>;
  return {
    name,
    extract({ text }) {
      let best: { value: T; index: number } | undefined;
      for (const [value, patterns] of entries) {
        for (const re of patterns) {
          const m = re.exec(text);
          if (m && (!best || m.index < best.index)) best = { value, index: m.index };
        }
      }
      return best?.value;
    },
  };
}

/** Free text, taken only as the answer to its own question (never from an unrelated message). */
export function textSlot(options: { minLength?: number } = {}): SlotType<string> {
  const minLength = options.minLength ?? 2;
  return {
    name: 'text',
    freeText: true,
    extract({ text, asked }) {
      const value = text.trim();
      return asked && value.length >= minLength ? value : undefined;
    },
  };
}

/** A slot type from a plain function, for domain types (services, diets, occasions...). */
export function customSlot<T>(
  name: string, extract: (input: SlotInput) => T | undefined, options: { freeText?: boolean } = {},
): SlotType<T> {
  return { name, extract, freeText: options.freeText ?? false };
}
