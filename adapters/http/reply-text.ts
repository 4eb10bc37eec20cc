import type { ProductCard, Service } from '../../core/reply.ts';

/** The services' brand names, the same in every language. */
const SERVICE_LABELS: Record<Service, string> = { samokat: 'Samokat', megamarket: 'Megamarket', kuper: 'Kuper' };

/** A service's brand name. */
export function serviceLabel(service: Service): string {
  return SERVICE_LABELS[service] ?? service;
}

/** A price as shoppers read it in either language: `1 299 ₽`, `89.90 ₽`. */
export function formatPrice(price: number, currency: ProductCard['currency'] = 'RUB'): string {
  const whole = Number.isInteger(price);
  const [int = '0', frac] = Math.abs(price).toFixed(whole ? 0 : 2).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const sign = price < 0 ? '-' : '';
  const symbol = currency === 'RUB' ? '₽' : currency;
  return `${sign}${grouped}${frac ? `.${frac}` : ''}\u00a0${symbol}`;
}

/** A card's price: `129 ₽`, or for a cart line its quantity and sum, `2 × 129 ₽ = 258 ₽`. */
export function cardPrice(card: ProductCard): string {
  const price = formatPrice(card.price, card.currency);
  if (card.quantity === undefined) return price;
  const sum = Math.round(card.price * card.quantity * 100) / 100;
  return `${card.quantity} × ${price} = ${formatPrice(sum, card.currency)}`;
}

/** One card as a line of plain text: `Title — 129 ₽ · Samokat` (a cart line: `Title — 2 × 129 ₽ = 258 ₽ · Samokat`). */
export function cardSummary(card: ProductCard): string {
  return `${card.title} — ${cardPrice(card)} · ${serviceLabel(card.service)}`;
}

/** Where to cut `text` at most `max` characters in: a paragraph, a line, a sentence, a space, else hard. */
function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max);
  for (const separator of ['\n\n', '\n', '. ']) {
    const at = window.lastIndexOf(separator);
    // A paragraph cut in the first half would leave a tiny message; a later, plainer cut reads better.
    if (at > max / 2) return at + separator.length;
  }
  // Words are only cut when one alone is longer than a message.
  const space = window.lastIndexOf(' ');
  return space > 0 ? space + 1 : max;
}

/**
 * Splits a text into parts of at most `max` characters for channels with a message size limit,
 * preferring natural boundaries. An empty text yields no parts.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const at = cutPoint(rest, max);
    const part = rest.slice(0, at).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(at).trimStart();
  }
  if (rest.trim()) parts.push(rest);
  return parts;
}
