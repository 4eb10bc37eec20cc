import { z } from 'zod';
import type { Activity, ActivityUser } from '../../../core/activity.ts';

/*
 * The part of a Bot Framework (Activity protocol) activity the adapter reads. Objects stay loose:
 * channels add fields (channelData, entities, ...) and an unknown one must never fail a delivery.
 */
const account = z.looseObject({ id: z.string().min(1).max(500), name: z.string().max(500).optional().nullable() });

/** The body of `POST /api/messages`. */
export const botFrameworkActivitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(500).optional(),
  timestamp: z.string().max(100).optional(),
  serviceUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  channelId: z.string().max(100).optional(),
  from: account,
  recipient: account,
  // `personal` (a one-to-one chat with the bot), `groupChat` or `channel`; absent outside Teams.
  conversation: z.looseObject({ id: z.string().min(1).max(1000), conversationType: z.string().max(100).optional().nullable() }),
  text: z.string().optional().nullable(),
  locale: z.string().max(35).optional().nullable(),
  value: z.unknown().optional(),
  membersAdded: z.array(account).optional().nullable(),
  membersRemoved: z.array(account).optional().nullable(),
});

/** A validated Bot Framework activity. */
export type BotFrameworkActivity = z.infer<typeof botFrameworkActivitySchema>;

/** What an incoming activity asks of the adapter. */
export type TeamsInbound = { kind: 'turn'; activity: Activity } | { kind: 'ignore'; reason: string };

const MAX_TEXT = 4096;

/** Teams wraps mentions in `<at>` tags and may send a little HTML; the turn wants what the person typed. */
export function plainTeamsText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

/** The payload of a pressed button: our cards send `{"payload": "..."}` as the activity's value. */
function buttonPayload(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const payload = (value as { payload?: unknown }).payload;
  return typeof payload === 'string' && payload.length > 0 && payload.length <= 2000 ? payload : undefined;
}

function toUser(incoming: BotFrameworkActivity): ActivityUser {
  const user: ActivityUser = { channelUserId: incoming.from.id };
  if (incoming.from.name) user.name = incoming.from.name;
  if (incoming.locale) user.channelLanguage = incoming.locale;
  return user;
}

/**
 * Normalizes a Bot Framework activity: a message (or a button's messageBack carrying our payload as an
 * action), or members joining (conversationUpdate, which greets: in a one-to-one chat, or in a team
 * channel or group chat when the bot itself was added). The activity id is the channel's
 * `id`, for the pipeline's dedup. Typing, reactions, invokes and the rest are acknowledged and ignored.
 */
export function parseBotFrameworkActivity(incoming: BotFrameworkActivity, fallbackId: () => string): TeamsInbound {
  const base = {
    id: incoming.id || fallbackId(),
    channel: 'teams' as const,
    conversationId: incoming.conversation.id,
    user: toUser(incoming),
    timestamp: incoming.timestamp && !Number.isNaN(Date.parse(incoming.timestamp)) ? new Date(incoming.timestamp) : new Date(),
    raw: incoming,
  };
  if (incoming.type === 'message') {
    const payload = buttonPayload(incoming.value);
    const text = plainTeamsText(incoming.text ?? '');
    if (payload) return { kind: 'turn', activity: { ...base, type: 'action', payload, ...(text ? { text } : {}) } };
    if (!text) return { kind: 'ignore', reason: 'message without text' };
    return { kind: 'turn', activity: { ...base, type: 'message', text } };
  }
  if (incoming.type === 'conversationUpdate' && incoming.membersAdded && incoming.membersAdded.length > 0) {
    const membersAdded = incoming.membersAdded.map((m) => m.id);
    // In a team channel or group chat, people joining the team must not each set off a greeting posted to
    // everyone; there the bot greets once, when it is added itself.
    const shared = incoming.conversation.conversationType === 'channel' || incoming.conversation.conversationType === 'groupChat';
    if (shared && !membersAdded.includes(incoming.recipient.id)) return { kind: 'ignore', reason: 'members joined a shared conversation' };
    return { kind: 'turn', activity: { ...base, type: 'conversationUpdate', membersAdded } };
  }
  return { kind: 'ignore', reason: `activity ${incoming.type.slice(0, 40)}` };
}
