/** The two languages the assistant speaks. */
export type Locale = 'ru' | 'en';

/** Every locale, for validation and iteration. */
export const LOCALES: readonly Locale[] = ['ru', 'en'];

/** Channels that deliver activities. `test` is the transcript client. */
export type ChannelName = 'telegram' | 'slack' | 'teams' | 'inapp' | 'web' | 'test';

/** Who sent an activity: the channel's own user id and, once resolved, the shopper id. */
export interface ActivityUser {
  /** The id the channel uses for this person. */
  channelUserId: string;
  /** The shopper id across all channels and services, when identity is resolved. */
  shopperId?: string;
  /** A display name, when the channel gives one. */
  name?: string;
  /** The language the channel reports for the user (for example Telegram's `language_code`). */
  channelLanguage?: string;
}

interface ActivityBase {
  /** Unique per channel; used to drop duplicate deliveries. */
  id: string;
  channel: ChannelName;
  conversationId: string;
  user: ActivityUser;
  /** A locale the client asked for explicitly. */
  locale?: Locale;
  timestamp: Date;
  /** The channel's original payload, for adapters that need it when replying. */
  raw?: unknown;
}

/** A shopper typed something. */
export interface MessageActivity extends ActivityBase {
  type: 'message';
  text: string;
}

/** A shopper pressed a button (quick reply or card action). */
export interface ActionActivity extends ActivityBase {
  type: 'action';
  payload: string;
  /** The button's title, when the channel tells it. */
  text?: string;
}

/** Someone joined or left, or the conversation was opened. */
export interface ConversationUpdateActivity extends ActivityBase {
  type: 'conversationUpdate';
  membersAdded?: string[];
  membersRemoved?: string[];
}

/** The shopper is typing. */
export interface TypingActivity extends ActivityBase {
  type: 'typing';
}

/** One normalized model for everything any channel delivers. */
export type Activity = MessageActivity | ActionActivity | ConversationUpdateActivity | TypingActivity;

/** The text an activity carries for understanding: typed text, or a button's payload. */
export function activityText(activity: Activity): string {
  if (activity.type === 'message') return activity.text;
  if (activity.type === 'action') return activity.payload;
  return '';
}
