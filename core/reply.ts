/** The three retail services. */
export type Service = 'samokat' | 'megamarket' | 'kuper';

/** Every service, for validation and iteration. */
export const SERVICES: readonly Service[] = ['samokat', 'megamarket', 'kuper'];

/** A button under a message; pressing it sends `payload` back as an action. */
export interface QuickReply {
  title: string;
  payload: string;
}

/** One product suggestion. */
export interface ProductCard {
  itemId: string;
  service: Service;
  title: string;
  price: number;
  currency: 'RUB';
  /** Why this item was suggested, grounded in data. */
  reason?: string;
  imageUrl?: string;
  /**
   * The catalog category path ("Электроника/Наушники"), so a channel without a photo can draw a pictogram of the
   * kind of product instead (the web widget does).
   */
  category?: string;
  /**
   * Set on a line of the cart, never on a suggestion: how many of the item are in the cart. `price` stays the price
   * of one; channels show the line as `quantity × price = sum`, and the card's actions act on the line (−1, +1, remove).
   */
  quantity?: number;
  /** Buttons for this card (add to cart, why, ...). */
  actions?: QuickReply[];
}

/** Plain text with optional quick replies. */
export interface TextReply {
  type: 'text';
  text: string;
  quickReplies?: QuickReply[];
}

/** A carousel of product cards; channels without carousels render a numbered list. */
export interface CardsReply {
  type: 'cards';
  text?: string;
  cards: ProductCard[];
  quickReplies?: QuickReply[];
}

/** A typing indicator. */
export interface TypingReply {
  type: 'typing';
}

/** Text produced piece by piece (an LLM answer); channels that cannot stream wait for the whole text. */
export interface StreamReply {
  type: 'stream';
  chunks: AsyncIterable<string>;
  quickReplies?: QuickReply[];
}

/** Everything a turn can answer with. */
export type Reply = TextReply | CardsReply | TypingReply | StreamReply;

/** A reply as it crosses a process boundary: streams are already collapsed to text. */
export type SerializableReply = TextReply | CardsReply | TypingReply;

/** Collapses a stream reply into text, calling `onDelta` for each chunk as it arrives. */
export async function settleReply(
  reply: Reply,
  onDelta?: (delta: string) => void | Promise<void>,
): Promise<SerializableReply> {
  if (reply.type !== 'stream') return reply;
  let text = '';
  for await (const chunk of reply.chunks) {
    text += chunk;
    if (onDelta) await onDelta(chunk);
  }
  return reply.quickReplies ? { type: 'text', text, quickReplies: reply.quickReplies } : { type: 'text', text };
}
