import { z } from 'zod';

/*
 * The parts of Slack's Events API and interactivity payloads the adapter reads. Objects stay loose:
 * Slack adds fields freely and an unknown one must never make a delivery fail.
 */

/** `url_verification`: Slack checks the endpoint once, when the Request URL is saved. */
export const urlVerificationSchema = z.looseObject({ type: z.literal('url_verification'), challenge: z.string().max(1000) });

const innerEvent = z.looseObject({
  type: z.string(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  channel: z.string().optional(),
  channel_type: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
});

export const eventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1).max(200),
  team_id: z.string().optional(),
  event: innerEvent,
  // The bot's own user id, to strip its mention and never answer itself.
  authorizations: z.array(z.looseObject({ user_id: z.string().optional() })).optional(),
});

/**
 * Any Slack payload names its type; the adapter reads the rest only for the types it handles, and
 * acknowledges others (app_rate_limited, view_submission, ...) without reading them.
 */
export const slackTypedSchema = z.looseObject({ type: z.string({ error: 'must be a string' }) }, { error: 'must be a JSON object' });

/** An `event_callback` envelope. */
export type SlackEventCallback = z.infer<typeof eventCallbackSchema>;

const action = z.looseObject({
  action_id: z.string().optional(),
  type: z.string().optional(),
  value: z.string().optional(),
  text: z.looseObject({ text: z.string() }).optional(),
  action_ts: z.string().optional(),
});

/** A `block_actions` interaction: a shopper pressed a button of one of our messages. */
export const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: z.string().optional(),
  user: z.looseObject({ id: z.string(), name: z.string().optional(), username: z.string().optional() }),
  team: z.looseObject({ id: z.string() }).nullable().optional(),
  channel: z.looseObject({ id: z.string() }).optional(),
  container: z.looseObject({ channel_id: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  message: z.looseObject({ ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  actions: z.array(action),
});

/** A `block_actions` payload. */
export type SlackBlockActions = z.infer<typeof blockActionsSchema>;
