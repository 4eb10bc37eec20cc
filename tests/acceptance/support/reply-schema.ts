import { z } from 'zod';

const quickReplies = z.array(z.object({ title: z.string().min(1), payload: z.string().min(1) })).optional();

/** A product card exactly as DESIGN.md promises it (extra fields such as actions or imageUrl are allowed). */
export const cardSchema = z.object({
  itemId: z.string().min(1),
  service: z.enum(['samokat', 'megamarket', 'kuper']),
  title: z.string().min(1),
  price: z.number().finite().nonnegative(),
  currency: z.literal('RUB'),
  reason: z.string().optional(),
});

/** One reply of the in-app API (DESIGN.md "Public contracts"). */
export const replySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1), quickReplies }),
  z.object({ type: z.literal('cards'), text: z.string().optional(), cards: z.array(cardSchema).min(1), quickReplies }),
]);

/** The error JSON of every 4xx answer. */
export const errorSchema = z.strictObject({ error: z.strictObject({ code: z.string().min(1), message: z.string().min(1) }) });
