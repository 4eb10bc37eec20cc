import { z } from 'zod';

/** The longest message text a client may send. */
export const MAX_TEXT_LENGTH = 4096;

/** The body of `POST /api/v1/inapp/messages` (DESIGN.md), strict: unknown fields are rejected. */
export const inappMessageSchema = z
  .strictObject(
    {
      text: z
        .string({ error: 'must be a string' })
        .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
        .optional(),
      action: z
        .strictObject(
          { payload: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(1000, 'must be at most 1000 characters') },
          { error: 'must be an object like {"payload": "..."}' },
        )
        .optional(),
      locale: z.enum(['ru', 'en'], { error: "must be 'ru' or 'en'" }).optional(),
      conversationId: z
        .string({ error: 'must be a string' })
        .min(1, 'must not be empty')
        .max(200, 'must be at most 200 characters')
        .regex(/^[\w.:-]+$/, 'may contain only letters, digits and . _ : -')
        .optional(),
    },
    { error: 'must be a JSON object' },
  )
  .refine((body) => body.action !== undefined || (body.text !== undefined && body.text.trim().length > 0), {
    message: 'send a non-blank text or an action',
  });

/** A validated in-app message. */
export type InappMessage = z.infer<typeof inappMessageSchema>;
