import { z } from 'zod';
import { parseWith } from '../../http/validation.ts';

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

const MESSAGE_KEYS = new Set(['text', 'locale', 'conversationId']);
const CONVERSATION_ID = /^[\w.:-]+$/;

/**
 * The common case checked by hand: a plain object with a non-blank text and at most a valid locale and
 * conversation id. It accepts exactly what {@link inappMessageSchema} accepts among such bodies and yields the
 * same value; anything else (an action, a doubtful field) returns undefined and goes through the schema, which
 * also words the 400. Every message passes here, and the schema walk costs several times more.
 */
function parsePlainMessage(body: unknown): InappMessage | undefined {
  if (typeof body !== 'object' || body === null || Object.getPrototypeOf(body) !== Object.prototype) return undefined;
  const fields = body as Record<string, unknown>;
  for (const key in fields) if (!MESSAGE_KEYS.has(key)) return undefined;
  const { text, locale, conversationId } = fields;
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH || text.trim().length === 0) return undefined;
  const message: InappMessage = { text };
  if (locale !== undefined) {
    if (locale !== 'ru' && locale !== 'en') return undefined;
    message.locale = locale;
  }
  if (conversationId !== undefined) {
    if (typeof conversationId !== 'string' || conversationId.length > 200 || !CONVERSATION_ID.test(conversationId)) return undefined;
    message.conversationId = conversationId;
  }
  return message;
}

/** Validates a message body: the schema's result, or its ValidationError (400) naming the fields. */
export function parseInappMessage(body: unknown): InappMessage {
  return parsePlainMessage(body) ?? parseWith(inappMessageSchema, body);
}
