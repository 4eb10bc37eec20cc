import type { Activity, ActivityUser } from '../../../core/activity.ts';
import type { CallbackPayloads } from './callback-payloads.ts';
import type { TelegramCallbackQuery, TelegramMessage, TelegramUpdate, TelegramUser } from './telegram-update.ts';

/** What an update asks of the adapter: run a turn, or nothing (with the button press to acknowledge). */
export type TelegramInbound =
  | { kind: 'turn'; activity: Activity; chatId: number; callbackQueryId?: string }
  | { kind: 'ignore'; reason: string; callbackQueryId?: string };

/** The commands Telegram clients send when a chat opens (`/start`, with an optional deep-link argument). */
const START = /^\/start(?:@\w+)?(?:\s|$)/;

function toUser(from: TelegramUser): ActivityUser {
  const user: ActivityUser = { channelUserId: String(from.id) };
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ');
  if (name) user.name = name;
  if (from.language_code) user.channelLanguage = from.language_code;
  return user;
}

function fromMessage(update: TelegramUpdate, message: TelegramMessage): TelegramInbound {
  if (!message.from || message.from.is_bot) return { kind: 'ignore', reason: 'not from a person' };
  const base = {
    id: String(update.update_id),
    channel: 'telegram' as const,
    conversationId: String(message.chat.id),
    user: toUser(message.from),
    timestamp: new Date(message.date * 1000),
    raw: update,
  };
  const text = (message.text ?? message.caption ?? '').trim();
  if (START.test(text)) {
    // A deep link (t.me/bot?start=CODE) carries an argument: it is what the shopper came to say (a link code).
    const argument = text.replace(START, '').trim();
    if (argument) return { kind: 'turn', activity: { ...base, type: 'message', text: argument }, chatId: message.chat.id };
    const activity: Activity = { ...base, type: 'conversationUpdate', membersAdded: [base.user.channelUserId] };
    return { kind: 'turn', activity, chatId: message.chat.id };
  }
  // Stickers, photos without a caption, locations...: nothing to understand, so no turn.
  if (!text) return { kind: 'ignore', reason: 'message without text' };
  return { kind: 'turn', activity: { ...base, type: 'message', text }, chatId: message.chat.id };
}

/** The title of the pressed button, read back from the keyboard Telegram echoes with the message. */
function buttonTitle(query: TelegramCallbackQuery): string | undefined {
  for (const row of query.message?.reply_markup?.inline_keyboard ?? []) {
    for (const button of row) if (button.callback_data === query.data) return button.text;
  }
  return undefined;
}

async function fromCallbackQuery(update: TelegramUpdate, query: TelegramCallbackQuery, payloads: CallbackPayloads): Promise<TelegramInbound> {
  const callbackQueryId = query.id;
  if (!query.message || query.data === undefined) return { kind: 'ignore', reason: 'callback without a chat message or data', callbackQueryId };
  const payload = await payloads.decode(query.data);
  if (!payload) return { kind: 'ignore', reason: 'button expired', callbackQueryId };
  const activity: Activity = {
    id: String(update.update_id),
    type: 'action',
    channel: 'telegram',
    conversationId: String(query.message.chat.id),
    user: toUser(query.from),
    timestamp: new Date(),
    payload,
    raw: update,
  };
  const title = buttonTitle(query);
  if (title) activity.text = title;
  return { kind: 'turn', activity, chatId: query.message.chat.id, callbackQueryId };
}

/**
 * Normalizes a Telegram update into an Activity. The activity id is the update id, which the pipeline's
 * dedup uses to drop Telegram's redeliveries. Updates the assistant does not handle (edited messages,
 * channel posts, membership changes, polls...) are ignored, never an error.
 */
export async function parseTelegramUpdate(update: TelegramUpdate, payloads: CallbackPayloads): Promise<TelegramInbound> {
  if (update.message) return fromMessage(update, update.message);
  if (update.callback_query) return fromCallbackQuery(update, update.callback_query, payloads);
  const kind = Object.keys(update).find((key) => key !== 'update_id') ?? 'empty';
  return { kind: 'ignore', reason: `unsupported update type ${kind.slice(0, 40)}` };
}
