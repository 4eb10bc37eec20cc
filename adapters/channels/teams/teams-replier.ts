import type { Logger } from '../../../core/logger.ts';
import type { SerializableReply } from '../../../core/reply.ts';
import type { TurnHooks } from '../../http/turn-runner.ts';
import type { BotConnectorClient } from './bot-connector-client.ts';
import type { BotFrameworkActivity } from './bot-framework-activity.ts';
import { renderTeams, type TeamsOutgoing } from './teams-render.ts';

/** Options for {@link createTeamsReplier}. */
export interface TeamsReplierOptions {
  connector: BotConnectorClient;
  /** The activity being answered: where to (serviceUrl, conversation) and who is who. */
  incoming: BotFrameworkActivity;
  logger: Logger;
}

/** Teams shows "typing…" for a few seconds; a new typing activity before then adds nothing. */
const TYPING_REFRESH_MS = 3_000;

/**
 * Sends one turn's replies to the conversation through the Bot Connector, each as a reply to the
 * incoming activity. A streamed answer shows typing while it is produced and is sent whole at its end
 * (updating a message chunk by chunk is not worth the Connector calls). Failures are logged.
 */
export function createTeamsReplier(options: TeamsReplierOptions): Required<Pick<TurnHooks, 'onTyping' | 'onDelta' | 'onReply'>> {
  const { connector, incoming, logger } = options;
  let lastTyping = -Infinity;

  async function send(activity: TeamsOutgoing): Promise<void> {
    const addressed = {
      ...activity,
      from: incoming.recipient,
      recipient: incoming.from,
      conversation: incoming.conversation,
      ...(incoming.id ? { replyToId: incoming.id } : {}),
      ...(incoming.channelId ? { channelId: incoming.channelId } : {}),
      ...(incoming.locale ? { locale: incoming.locale } : {}),
    };
    try {
      await connector.sendActivity(incoming.serviceUrl, incoming.conversation.id, addressed);
    } catch (error) {
      logger.warn({ conversationId: incoming.conversation.id, type: activity.type, err: error instanceof Error ? error.message : String(error) }, 'teams send failed');
    }
  }

  async function typing(): Promise<void> {
    if (Date.now() - lastTyping < TYPING_REFRESH_MS) return;
    lastTyping = Date.now();
    await send({ type: 'typing' });
  }

  return {
    onTyping: typing,
    onDelta: typing,
    async onReply(reply: SerializableReply) {
      const activity = renderTeams(reply, { recipientId: incoming.from.id, ...(incoming.channelId ? { channelId: incoming.channelId } : {}) });
      if (activity) await send(activity);
    },
  };
}
