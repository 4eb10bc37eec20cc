import { z } from 'zod';

/*
 * The part of a Telegram Bot API `Update` the adapter reads. Objects stay loose (unknown fields pass),
 * because Telegram adds fields often and an unknown one must never turn an update into an error.
 */

const user = z.looseObject({
  id: z.number(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().max(35).optional(),
});

const chat = z.looseObject({ id: z.number(), type: z.string().optional() });

const inlineButton = z.looseObject({ text: z.string(), callback_data: z.string().optional() });

const message = z.looseObject({
  message_id: z.number(),
  date: z.number(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  reply_markup: z.looseObject({ inline_keyboard: z.array(z.array(inlineButton)).optional() }).optional(),
});

const callbackQuery = z.looseObject({
  id: z.string(),
  from: user,
  // Absent for buttons under inline-mode messages, which this bot does not send.
  message: message.optional(),
  data: z.string().optional(),
});

/** A Telegram update as far as the adapter reads it; any other update type passes through unread. */
export const telegramUpdateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  callback_query: callbackQuery.optional(),
});

/** A validated Telegram update. */
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;
/** A Telegram message. */
export type TelegramMessage = z.infer<typeof message>;
/** A Telegram user. */
export type TelegramUser = z.infer<typeof user>;
/** A button press. */
export type TelegramCallbackQuery = z.infer<typeof callbackQuery>;
