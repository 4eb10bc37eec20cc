import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Logger } from '../../../core/logger.ts';
import type { SerializableReply } from '../../../core/reply.ts';
import { StreamingMessage } from '../../http/streaming-message.ts';
import type { TurnHooks } from '../../http/turn-runner.ts';
import type { CallbackPayloads } from './callback-payloads.ts';
import { renderTelegram, TELEGRAM_TEXT_MAX, type TelegramButton, type TelegramOutgoing } from './telegram-render.ts';

/** Options for {@link createTelegramReplier}. */
export interface TelegramReplierOptions {
  api: Api;
  payloads: CallbackPayloads;
  chatId: number;
  logger: Logger;
  /** The least time between two edits of a streamed answer (default 1000 ms: Telegram's per-chat pace). */
  streamIntervalMs?: number;
}

/** Telegram shows "typing…" for about five seconds; a new chat action before then adds nothing. */
const TYPING_REFRESH_MS = 4_000;

/** An edit that changes nothing is refused by Telegram; it is not a failure of ours. */
const notModified = (error: unknown): boolean => error instanceof Error && /message is not modified/i.test(error.message);

/** A photo Telegram would not send (400: bad URL, unreachable, wrong content); not a 5xx that may have gone out. */
const pictureRefused = (error: unknown): boolean => error instanceof GrammyError && error.error_code === 400;

/**
 * Sends one turn's replies to a Telegram chat as they are produced: chat actions for typing, a message that
 * grows by edits for a stream, messages with inline keyboards for the rest. Transport failures are logged
 * and the turn goes on: a Telegram hiccup must not fail the conversation.
 */
export function createTelegramReplier(options: TelegramReplierOptions): Required<Pick<TurnHooks, 'onTyping' | 'onDelta' | 'onReply'>> {
  const { api, chatId, logger } = options;
  let lastTyping = -Infinity;
  let stream: StreamingMessage<number> | undefined;
  // Set when the live preview could not be posted: the rest of that stream is sent whole at its end.
  let previewOff = false;

  /** Makes a call; a failure is logged and resolved with, never thrown. */
  async function safely(method: string, call: () => Promise<unknown>): Promise<unknown> {
    try {
      await call();
      return undefined;
    } catch (error) {
      if (notModified(error)) return undefined;
      logger.warn({ chatId, method, err: error instanceof Error ? error.message : String(error) }, 'telegram call failed');
      return error;
    }
  }

  async function markup(keyboard: TelegramButton[][] | undefined): Promise<{ reply_markup?: InlineKeyboardMarkup }> {
    if (!keyboard || keyboard.length === 0) return {};
    const inline_keyboard = await Promise.all(
      keyboard.map((row) => Promise.all(row.map(async (b) => ({ text: b.text, callback_data: await options.payloads.encode(b.payload) })))),
    );
    return { reply_markup: { inline_keyboard } };
  }

  async function send(out: TelegramOutgoing): Promise<void> {
    const other = await markup(out.keyboard);
    if (out.kind === 'photo') {
      const failure = await safely('sendPhoto', () => api.sendPhoto(chatId, out.photo, { caption: out.caption, ...other }));
      // Telegram fetches the picture itself and refuses (400) one it cannot get: a URL it cannot reach, a
      // format or size it does not take. The card then still reaches the shopper, as text with its buttons.
      if (pictureRefused(failure)) await safely('sendMessage', () => api.sendMessage(chatId, out.caption, other));
    } else {
      await safely('sendMessage', () => api.sendMessage(chatId, out.text, other));
    }
  }

  /** The stream's message becomes the first message of the final reply; the rest are sent after it. */
  async function finishStream(messageId: number, outgoing: TelegramOutgoing[]): Promise<void> {
    const [first, ...rest] = outgoing;
    if (first?.kind === 'message') {
      const other = await markup(first.keyboard);
      await safely('editMessageText', () => api.editMessageText(chatId, messageId, first.text, other));
    } else if (first) {
      await send(first);
    }
    for (const out of rest) await send(out);
  }

  return {
    async onTyping() {
      if (Date.now() - lastTyping < TYPING_REFRESH_MS) return;
      lastTyping = Date.now();
      await safely('sendChatAction', () => api.sendChatAction(chatId, 'typing'));
    },
    async onDelta(text) {
      if (previewOff) return;
      stream ??= new StreamingMessage<number>({
        intervalMs: options.streamIntervalMs ?? 1_000,
        maxLength: TELEGRAM_TEXT_MAX,
        target: {
          create: async (first) => (await api.sendMessage(chatId, first)).message_id,
          update: async (id, next) => void (await safely('editMessageText', () => api.editMessageText(chatId, id, next))),
        },
      });
      try {
        await stream.push(text);
      } catch (error) {
        previewOff = true;
        stream = undefined;
        logger.warn({ chatId, err: error instanceof Error ? error.message : String(error) }, 'telegram stream preview failed');
      }
    },
    async onReply(reply: SerializableReply) {
      const outgoing = renderTelegram(reply);
      const messageId = stream?.handle;
      stream = undefined;
      previewOff = false;
      if (messageId !== undefined && reply.type === 'text') return finishStream(messageId, outgoing);
      for (const out of outgoing) await send(out);
    },
  };
}
