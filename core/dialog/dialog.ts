import type { Locale } from '../activity.ts';
import type { Recognition } from '../nlu/recognizer.ts';
import type { QuickReply, Reply } from '../reply.ts';
import type { TurnContext } from '../turn-context.ts';

/** Where a dialog stands after it handled a message. */
export type DialogStatus = 'waiting' | 'complete' | 'cancelled';

/** The outcome of begin/continue/resume; `value` is handed to the parent dialog on completion. */
export interface DialogResult {
  status: DialogStatus;
  value?: unknown;
}

/** One remembered utterance of the conversation. */
export interface HistoryEntry {
  role: 'user' | 'bot';
  text: string;
  intent?: string;
  /** Epoch milliseconds. */
  at: number;
}

/** A running dialog on the stack, with its own serializable state. */
export interface DialogFrame {
  dialogId: string;
  state: Record<string, unknown>;
}

/** A question the engine asked because two intents were too close to call. */
export interface PendingClarification {
  text: string;
  options: string[];
}

/** Everything the engine keeps per conversation (stored as JSON in the SessionStore). */
export interface ConversationState {
  stack: DialogFrame[];
  /** Domain memory shared by the dialogs: what was shown, the last query, the cart... */
  memory: Record<string, unknown>;
  history: HistoryEntry[];
  /** The language the shopper chose explicitly. */
  locale?: Locale;
  /** The language of the last turn, for messages that do not tell ("4", a button press). */
  lastLocale?: Locale;
  clarification?: PendingClarification;
  /** Fallbacks in a row, so the help gets more concrete each time. */
  fallbacks: number;
  turns: number;
}

/** A fresh, empty conversation state. */
export function emptyConversationState(): ConversationState {
  return { stack: [], memory: {}, history: [], fallbacks: 0, turns: 0 };
}

/** What a dialog sees and can do during one message. */
export interface DialogTurn {
  readonly context: TurnContext;
  readonly recognition: Recognition;
  /** The message text (a button's payload text for actions). */
  readonly text: string;
  /** Arguments carried by a button payload such as `intent:add_to_cart?item=42`. */
  readonly args: Readonly<Record<string, string>>;
  readonly locale: Locale;
  /** The shared domain memory of the conversation; mutate it freely. */
  readonly memory: Record<string, unknown>;
  /** This dialog's own state on the stack; mutate it freely. */
  readonly state: Record<string, unknown>;
  readonly history: readonly HistoryEntry[];
  /** The shopper id, or a per-channel anonymous id. */
  readonly userKey: string;
  t(key: string, vars?: Record<string, unknown>): string;
  /** Queues a reply; replies are sent once the turn's state is saved. */
  reply(reply: Reply | string): void;
  /** Queues a text reply from a locale key. */
  say(key: string, vars?: Record<string, unknown>, quickReplies?: QuickReply[]): void;
  /** Starts a child dialog on top of this one. Its result comes back through `resume` when it was waiting. */
  begin(dialogId: string, args?: Record<string, unknown>): Promise<DialogResult>;
  /** Switches the conversation's language from now on. */
  setLocale(locale: Locale): void;
  /** Forgets this conversation (after an erasure): nothing of it is saved at the end of the turn. */
  forget(): void;
}

/** A conversation unit: begins on one of its intents, may wait for answers, completes or is cancelled. */
export interface Dialog {
  readonly id: string;
  /** Intents that begin this dialog. */
  readonly intents: readonly string[];
  begin(turn: DialogTurn, args?: Record<string, unknown>): Promise<DialogResult>;
  continue(turn: DialogTurn): Promise<DialogResult>;
  /** Called when a child dialog (or an interruption) finished and this dialog is on top again. */
  resume(turn: DialogTurn, child: DialogResult): Promise<DialogResult>;
  /**
   * Whether the message answers this dialog. When false and the message carries another confident
   * intent, the engine treats it as an interruption and resumes this dialog afterwards.
   */
  accepts?(turn: DialogTurn): boolean;
}

/** Shorthand results. */
export const WAITING: DialogResult = { status: 'waiting' };
export const CANCELLED: DialogResult = { status: 'cancelled' };

/** A completed result carrying a value. */
export function complete(value?: unknown): DialogResult {
  return { status: 'complete', value };
}
