import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from 'grammy';
import { UnauthorizedError } from '../../../core/errors.ts';
import type { Logger } from '../../../core/logger.ts';
import { secretsEqual } from '../../http/secret-compare.ts';
import type { TurnRunner } from '../../http/turn-runner.ts';
import { typingWhileSilent } from '../../http/typing-while-silent.ts';
import { parseWith } from '../../http/validation.ts';
import type { CallbackPayloads } from './callback-payloads.ts';
import { parseTelegramUpdate } from './telegram-activity.ts';
import { createTelegramReplier } from './telegram-replier.ts';
import { telegramUpdateSchema } from './telegram-update.ts';

/** The public path of the Telegram webhook (DESIGN.md). */
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';

/** Options for {@link registerTelegramRoutes}. */
export interface TelegramRoutesOptions {
  turns: TurnRunner;
  /** The Bot API client (grammY), pointed at `TELEGRAM_API_ROOT` when set. */
  api: Api;
  payloads: CallbackPayloads;
  /** The `secret_token` the webhook was registered with; Telegram echoes it in every request. */
  secretToken: string;
  logger: Logger;
  /** The least time between two edits of a streamed answer (default 1000 ms). */
  streamIntervalMs?: number;
  /** How long a turn may be silent before the chat shows "typing…" (default 1000 ms). */
  typingDelayMs?: number;
}

function handler(options: TelegramRoutesOptions) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const given = request.headers['x-telegram-bot-api-secret-token'];
    if (!secretsEqual(typeof given === 'string' ? given : undefined, options.secretToken)) {
      throw new UnauthorizedError('missing or wrong X-Telegram-Bot-Api-Secret-Token');
    }
    const update = parseWith(telegramUpdateSchema, request.body);
    const inbound = await parseTelegramUpdate(update, options.payloads);
    const { callbackQueryId } = inbound;
    if (callbackQueryId) {
      // Stops the button's spinner at once; the answer itself comes as messages.
      options.api.answerCallbackQuery(callbackQueryId).catch((err: unknown) =>
        options.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'telegram answerCallbackQuery failed'));
    }
    if (inbound.kind === 'ignore') {
      options.logger.debug({ updateId: update.update_id, reason: inbound.reason }, 'telegram update ignored');
      return reply.send({});
    }
    const replier = createTelegramReplier({
      api: options.api, payloads: options.payloads, chatId: inbound.chatId, logger: options.logger, streamIntervalMs: options.streamIntervalMs,
    });
    // Telegram shows "typing…" for five seconds; it is renewed a little before that while the turn is silent.
    const typing = typingWhileSilent(replier, { delayMs: options.typingDelayMs, refreshMs: 4_500 });
    // The turn runs before the webhook is answered, like grammY's webhookCallback: a redelivery while it
    // runs is dropped by the pipeline's dedup on the update id.
    try {
      await options.turns.run(inbound.activity, typing.hooks);
    } finally {
      typing.stop();
    }
    return reply.send({});
  };
}

/**
 * `POST /webhooks/telegram`: verifies Telegram's secret token (401 with the error JSON otherwise),
 * validates the update (400), runs the turn and sends its replies through the Bot API.
 */
export function registerTelegramRoutes(app: FastifyInstance, options: TelegramRoutesOptions): void {
  app.post(TELEGRAM_WEBHOOK_PATH, handler(options));
}
