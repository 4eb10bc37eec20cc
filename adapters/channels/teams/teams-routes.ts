import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../../../core/logger.ts';
import type { TurnRunner } from '../../http/turn-runner.ts';
import { typingWhileSilent } from '../../http/typing-while-silent.ts';
import { parseWith } from '../../http/validation.ts';
import type { BotConnectorClient } from './bot-connector-client.ts';
import { botFrameworkActivitySchema, parseBotFrameworkActivity } from './bot-framework-activity.ts';
import { assertServiceUrl, type BotFrameworkAuth } from './bot-framework-auth.ts';
import { createTeamsReplier } from './teams-replier.ts';

/** The public path of the Bot Framework messaging endpoint (DESIGN.md). */
export const BOT_FRAMEWORK_MESSAGES_PATH = '/api/messages';

/** Options for {@link registerTeamsRoutes}. */
export interface TeamsRoutesOptions {
  turns: TurnRunner;
  auth: BotFrameworkAuth;
  connector: BotConnectorClient;
  logger: Logger;
  /** How long a turn may be silent before the conversation shows "typing…" (default 1000 ms). */
  typingDelayMs?: number;
}

function handler(options: TeamsRoutesOptions) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    // The token is checked before the body is read; then its serviceurl claim must name the body's serviceUrl.
    const claims = await options.auth.verify(request.headers.authorization);
    const incoming = parseWith(botFrameworkActivitySchema, request.body);
    assertServiceUrl(claims, incoming.serviceUrl);
    const inbound = parseBotFrameworkActivity(incoming, randomUUID);
    if (inbound.kind === 'ignore') {
      options.logger.debug({ reason: inbound.reason }, 'bot framework activity ignored');
      return reply.send({});
    }
    const replier = createTeamsReplier({ connector: options.connector, incoming, logger: options.logger });
    // Teams clears "typing…" after about three seconds; it is renewed a little after that while the turn is silent.
    const typing = typingWhileSilent(replier, { delayMs: options.typingDelayMs, refreshMs: 3_200 });
    // Like the Bot Framework SDKs' adapters, the turn runs before the request is answered; its replies go
    // to the Connector as they are produced.
    try {
      await options.turns.run(inbound.activity, typing.hooks);
    } finally {
      typing.stop();
    }
    return reply.send({});
  };
}

/**
 * `POST /api/messages`, the Bot Framework messaging endpoint used by Microsoft Teams: verifies the
 * Connector's JWT (401 with the error JSON otherwise), validates the activity (400), runs the turn and
 * sends the replies through the Bot Connector REST API.
 */
export function registerTeamsRoutes(app: FastifyInstance, options: TeamsRoutesOptions): void {
  app.post(BOT_FRAMEWORK_MESSAGES_PATH, handler(options));
}
