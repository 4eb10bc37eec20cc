import type { Activity } from '../../../core/activity.ts';
import type { SlackBlockActions, SlackEventCallback } from './slack-payloads.ts';

/** Where the answer goes: a channel (a DM is a channel too), in a thread when the talk is in one. */
export interface SlackDestination {
  channel: string;
  threadTs?: string;
}

/** What a Slack delivery asks of the adapter: run a turn and answer at `destination`, or nothing. */
export type SlackInbound =
  | { kind: 'turn'; activity: Activity; destination: SlackDestination }
  | { kind: 'ignore'; reason: string };

/** The longest text taken from a message (the in-app API's limit). */
const MAX_TEXT = 4096;

/** Slack's markup of a message turned back into what the person typed (mentions of the bot dropped). */
export function plainSlackText(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/gi, (_m, id: string) => (id === botUserId ? '' : `@${id}`))
    .replace(/<#[A-Z0-9]+\|([^>]*)>/gi, '#$1')
    .replace(/<!(here|channel|everyone)[^>]*>/gi, '@$1')
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/gi, '$1')
    .replace(/<((?:https?|mailto):[^>]*)>/gi, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The conversation of a channel or of one thread in it (threads are separate talks). */
const conversationOf = (channel: string, threadTs?: string): string => (threadTs ? `${channel}:${threadTs}` : channel);

/**
 * Normalizes an Events API callback into an Activity. A direct message (`message` in an `im`) or a
 * mention of the bot (`app_mention`, answered in a thread) starts a turn; edits, deletions, the bot's
 * own messages and every other event are ignored. The activity id is the `event_id`, which the
 * pipeline's dedup uses to drop Slack's retries.
 */
export function parseSlackEvent(envelope: SlackEventCallback): SlackInbound {
  const { event } = envelope;
  const botUserId = envelope.authorizations?.[0]?.user_id;
  const direct = event.type === 'message' && event.channel_type === 'im';
  if (!direct && event.type !== 'app_mention') return { kind: 'ignore', reason: `event ${event.type.slice(0, 40)}` };
  if (event.subtype || event.bot_id || !event.user || event.user === botUserId) return { kind: 'ignore', reason: 'not a person\'s new message' };
  if (!event.channel) return { kind: 'ignore', reason: 'event without a channel' };
  const text = plainSlackText(event.text ?? '', botUserId).slice(0, MAX_TEXT);
  if (!text) return { kind: 'ignore', reason: 'empty message' };
  // A mention in a channel is answered in its thread, so the channel is not flooded.
  const threadTs = direct ? event.thread_ts : event.thread_ts ?? event.ts;
  const destination: SlackDestination = threadTs ? { channel: event.channel, threadTs } : { channel: event.channel };
  const activity: Activity = {
    id: envelope.event_id,
    type: 'message',
    channel: 'slack',
    conversationId: conversationOf(event.channel, threadTs),
    user: { channelUserId: envelope.team_id ? `${envelope.team_id}:${event.user}` : event.user },
    timestamp: event.ts ? new Date(Number(event.ts) * 1000) : new Date(),
    text,
    raw: envelope,
  };
  return { kind: 'turn', activity, destination };
}

/**
 * Normalizes a button press (`block_actions`) into an action Activity in the conversation the button's
 * message belongs to. Its id is the interaction's `trigger_id`, unique per press.
 */
export function parseSlackBlockActions(payload: SlackBlockActions): SlackInbound {
  const action = payload.actions[0];
  const channel = payload.channel?.id ?? payload.container?.channel_id;
  if (!action?.value || !channel) return { kind: 'ignore', reason: 'interaction without a button value or channel' };
  const threadTs = payload.message?.thread_ts ?? payload.container?.thread_ts;
  const destination: SlackDestination = threadTs ? { channel, threadTs } : { channel };
  const teamId = payload.team?.id;
  const activity: Activity = {
    id: payload.trigger_id ?? `${payload.user.id}:${action.action_ts ?? Date.now()}`,
    type: 'action',
    channel: 'slack',
    conversationId: conversationOf(channel, threadTs),
    user: { channelUserId: teamId ? `${teamId}:${payload.user.id}` : payload.user.id },
    timestamp: new Date(),
    payload: action.value,
    raw: payload,
  };
  const name = payload.user.name ?? payload.user.username;
  if (name) activity.user.name = name;
  if (action.text?.text) activity.text = action.text.text;
  return { kind: 'turn', activity, destination };
}
