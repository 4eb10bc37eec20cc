import { z } from 'zod';
import { SERVICES } from '../reply.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** What a shopper did in one of the services. */
export const EVENT_TYPES = ['order', 'view', 'rating', 'search', 'add_to_cart'] as const;
export type ShopEventType = (typeof EVENT_TYPES)[number];

/** One event of `POST /api/v1/events` (DESIGN.md). */
export const shopEventSchema = z
  .strictObject({
    id: z.string().min(1).max(200),
    userId: z.string().min(1).max(200),
    service: z.enum(SERVICES as unknown as ['samokat', 'megamarket', 'kuper']),
    type: z.enum(EVENT_TYPES),
    ts: z.string().max(64).refine((value) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)), {
      message: 'ts must be an ISO-8601 date-time such as 2026-11-01T10:00:00Z',
    }),
    itemId: z.string().min(1).max(200).optional(),
    orderId: z.string().min(1).max(200).optional(),
    quantity: z.number().finite().positive().max(10_000).optional(),
    price: z.number().finite().nonnegative().max(100_000_000).optional(),
    rating: z.number().int().min(1).max(5).optional(),
    query: z.string().min(1).max(1000).optional(),
  })
  .superRefine((event, ctx) => {
    if (['order', 'view', 'rating', 'add_to_cart'].includes(event.type) && !event.itemId) {
      ctx.addIssue({ code: 'custom', path: ['itemId'], message: `itemId is required for ${event.type} events` });
    }
    if (event.type === 'rating' && event.rating === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rating'], message: 'rating is required for rating events' });
    }
    if (event.type === 'search' && !event.query) {
      ctx.addIssue({ code: 'custom', path: ['query'], message: 'query is required for search events' });
    }
  });

/** A validated shop event. */
export type ShopEvent = z.infer<typeof shopEventSchema>;
