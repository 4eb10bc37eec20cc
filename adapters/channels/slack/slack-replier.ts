import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../../core/logger.ts';
import type { SerializableReply } from '../../../core/reply.ts';
import { StreamingMessage } from '../../http/streaming-message.ts';
import type { TurnHooks } from '../../http/turn-runner.ts';
import type { SlackDestination } from './slack-activity.ts';
import { escapeMrkdwn, renderSlack, SLACK_SECTION_MAX, withoutImages, type SlackMessage } from './slack-render.ts';

/** Options for {@link createSlackReplier}. */
export interface SlackReplierOptions {
  client: WebClient;
  destination: SlackDestination;
  logger: Logger;
  /** The least time between two edits of a streamed answer (default 1000 ms: chat.update is Tier 3). */
  streamIntervalMs?: number;
}

const reason = (error: unknown): string => {
  const data = (error as { data?: { error?: string } }).data;
  return data?.error ?? (error instanceof Error ? error.message : String(error));
};

/**
 * Sends one turn's replies to Slack as they are produced: chat.postMessage with Block Kit for each reply;
 * a streamed answer is posted at its first chunk and grown with chat.update. Slack has no typing
 * indicator for bots, so typing renders as nothing. Failures are logged; the turn goes on.
 */
export function createSlackReplier(options: SlackReplierOptions): Required<Pick<TurnHooks, 'onTyping' | 'onDelta' | 'onReply'>> {
  const { client, destination, logger } = options;
  const where = { channel: destination.channel, ...(destination.threadTs ? { thread_ts: destination.threadTs } : {}) };
  let stream: StreamingMessage<string> | undefined;
  let previewOff = false;

  /** Makes a call; a failure is logged and resolved with its Slack error code, never thrown. */
  async function safely(method: string, call: () => Promise<unknown>): Promise<string | undefined> {
    try {
      await call();
      return undefined;
    } catch (error) {
      logger.warn({ channel: destination.channel, method, err: reason(error) }, 'slack call failed');
      return reason(error);
    }
  }

  /**
   * Posts a message. Slack refuses a whole message whose blocks it will not show (`invalid_blocks`: most
   * often a card picture it could not download): it is posted again without pictures, and at last as its
   * plain text (the numbered cards with prices), so the shopper always gets the answer.
   */
  async function postMessage(message: SlackMessage): Promise<void> {
    const post = (m: SlackMessage | { text: string }) => safely('chat.postMessage', () => client.chat.postMessage({ ...where, ...m }));
    if ((await post(message)) !== 'invalid_blocks') return;
    const plainer = withoutImages(message);
    if (plainer && (await post(plainer)) !== 'invalid_blocks') return;
    await post({ text: message.text });
  }

  const preview = (text: string) => ({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }] });

  return {
    async onTyping() {},
    async onDelta(text) {
      if (previewOff) return;
      stream ??= new StreamingMessage<string>({
        intervalMs: options.streamIntervalMs ?? 1_000,
        maxLength: SLACK_SECTION_MAX,
        target: {
          create: async (first) => {
            const result = await client.chat.postMessage({ ...where, ...preview(first) });
            if (!result.ts) throw new Error('chat.postMessage returned no ts');
            return result.ts;
          },
          update: async (ts, next) => void (await safely('chat.update', () => client.chat.update({ channel: destination.channel, ts, ...preview(next) }))),
        },
      });
      try {
        await stream.push(text);
      } catch (error) {
        previewOff = true;
        stream = undefined;
        logger.warn({ channel: destination.channel, err: reason(error) }, 'slack stream preview failed');
      }
    },
    async onReply(reply: SerializableReply) {
      const message = renderSlack(reply);
      const ts = stream?.handle;
      stream = undefined;
      previewOff = false;
      if (!message) return;
      if (ts !== undefined && reply.type === 'text') {
        await safely('chat.update', () => client.chat.update({ channel: destination.channel, ts, ...message }));
        return;
      }
      await postMessage(message);
    },
  };
}
