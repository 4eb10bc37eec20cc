/** What kinds of personal data {@link redactPersonalData} found. */
export type RedactionKind = 'email' | 'phone' | 'card' | 'address';

/** Redacted text and what was removed (counts only: the values themselves must not leak into logs). */
export interface RedactionResult {
  text: string;
  found: Partial<Record<RedactionKind, number>>;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Card numbers: 13-19 digits, optionally grouped by spaces or dashes; confirmed by the Luhn check.
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;
// Phones: Russian (+7 / 8 + 10 digits) and international (+ and 8-14 digits), with common separators.
const PHONE = /(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)|\d{2,4})[\s-]?\d{2,4}[\s-]?\d{2}[\s-]?\d{2,4}\b|\b8\s?\(?9\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}\b/g;
const ADDRESS_RU =
  /(?:(?<!\p{L})(?:ул|улица|пр-?т|проспект|пер|переулок|ш|шоссе|бул|бульвар|наб|набережная|пл|площадь|мкр|микрорайон)\.?\s+[\p{L}\d.\- ]{2,40}?,?\s*(?:д\.?|дом)\s*\d+[\p{L}]?(?:\s*(?:к|корп|корпус|стр|строение)\.?\s*\d+)?(?:,?\s*(?:кв\.?|квартира)\s*\d+)?)/giu;
const ADDRESS_EN =
  /\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct)\b\.?(?:,?\s*(?:Apt|Apartment|Suite)\.?\s*\d+)?/g;

const HAS_DIGIT_OR_AT = /[\d@]/;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Replaces e-mails, card numbers, phone numbers and street addresses with placeholders such as `[phone]`,
 * before any text reaches the LLM or the logs. Prices and quantities ("до 500 рублей", "2 кг") are left alone.
 */
export function redactPersonalData(input: string): RedactionResult {
  // Every kind needs a digit or an '@' (addresses need a house number): most chat lines have neither.
  if (!HAS_DIGIT_OR_AT.test(input)) return { text: input, found: {} };
  const found: Partial<Record<RedactionKind, number>> = {};
  const count = (kind: RedactionKind) => {
    found[kind] = (found[kind] ?? 0) + 1;
    return `[${kind}]`;
  };
  let text = input.replace(EMAIL, () => count('email'));
  text = text.replace(CARD, (match) => {
    const digits = match.replace(/\D/g, '');
    return digits.length >= 13 && luhn(digits) ? count('card') : match;
  });
  text = text.replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 10 ? count('phone') : match));
  text = text.replace(ADDRESS_RU, () => count('address'));
  text = text.replace(ADDRESS_EN, () => count('address'));
  return { text, found };
}
