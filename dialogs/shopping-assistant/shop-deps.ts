import type { Narrator } from '../../core/llm/narrator.ts';
import type { Service } from '../../core/reply.ts';
import type { ShoppingBackend } from './ports.ts';

/** What the shopping dialogs are built from. */
export interface ShopDeps {
  backend: ShoppingBackend;
  /** Cards per answer (default 5). */
  limit: number;
  /** Builds the link that opens a service's app with the cart filled in; the assistant never takes payment. */
  checkoutLink: (service: Service, lines: ReadonlyArray<{ itemId: string; quantity: number }>) => string;
  /** The LLM's introduction to recommendations, when an LLM is configured (template text otherwise). */
  narrator?: Narrator;
}

/** Default deep links: each service's app opens its cart with the items. */
export function defaultCheckoutLink(service: Service, lines: ReadonlyArray<{ itemId: string; quantity: number }>): string {
  const items = lines.map((l) => `${encodeURIComponent(l.itemId)}:${l.quantity}`).join(',');
  return `https://${service === 'kuper' ? 'kuper.ru' : service === 'samokat' ? 'samokat.ru' : 'megamarket.ru'}/cart?add=${items}&utm_source=sovetnik`;
}
