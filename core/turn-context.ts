import type { Activity, Locale } from './activity.ts';
import { SovetnikError } from './errors.ts';
import type { Translate } from './i18n.ts';
import type { Logger } from './logger.ts';
import type { Reply } from './reply.ts';

/** What a turn starts from; built by the bot for each incoming activity. */
export interface TurnContextOptions {
  activity: Activity;
  turnId: string;
  locale: Locale;
  t: Translate;
  logger: Logger;
  /** Aborts the turn; a function is called on the first read of `signal` (default a signal nobody aborts). */
  signal?: AbortSignal | (() => AbortSignal);
  /** Called for each reply as soon as it is sent, so channels can stream. */
  onReply?: (reply: Reply) => void | Promise<void>;
}

/**
 * Everything a handler needs for one turn: the activity, the shopper, state, `reply()`, `t()`.
 * Unusable once the turn has ended, so late async work cannot talk into a finished conversation.
 */
export class TurnContext {
  readonly activity: Activity;
  readonly turnId: string;
  readonly logger: Logger;
  /** Free-form per-turn values that middleware shares with handlers (session state, profile, ...). */
  readonly state = new Map<string, unknown>();
  readonly #replies: Reply[] = [];
  readonly #onReply?: TurnContextOptions['onReply'];
  #locale: Locale;
  #t: Translate;
  #ended = false;
  #signal: AbortSignal | (() => AbortSignal) | undefined;

  constructor(options: TurnContextOptions) {
    this.activity = options.activity;
    this.turnId = options.turnId;
    this.#locale = options.locale;
    this.#t = options.t;
    this.logger = options.logger;
    this.#signal = options.signal;
    this.#onReply = options.onReply;
  }

  /** Aborted when the turn is (its deadline passed, the client went away); built on first read. */
  get signal(): AbortSignal {
    const source = this.#signal;
    if (source instanceof AbortSignal) return source;
    const signal = source ? source() : new AbortController().signal;
    this.#signal = signal;
    return signal;
  }

  /** The shopper id, when identity is resolved. */
  get shopperId(): string | undefined {
    return this.activity.user.shopperId;
  }

  get locale(): Locale {
    return this.#locale;
  }

  /** Switches the turn's language (the shopper asked for it); `t` follows. */
  setLocale(locale: Locale, t: Translate): void {
    this.#locale = locale;
    this.#t = t;
  }

  /** Translates a key in the turn's locale. */
  t(key: string, vars?: Record<string, unknown>): string {
    return this.#t(key, vars);
  }

  /** Sends a reply (a string is a text reply). */
  async reply(reply: Reply | string): Promise<void> {
    this.#assertOpen();
    const value: Reply = typeof reply === 'string' ? { type: 'text', text: reply } : reply;
    this.#replies.push(value);
    // A listener that returns nothing (it kept the reply at once) costs no extra await.
    const pending = this.#onReply?.(value);
    if (pending) await pending;
  }

  /** The replies sent so far, in order. */
  get replies(): readonly Reply[] {
    return this.#replies;
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Marks the turn finished; later `reply()` calls throw. */
  end(): void {
    this.#ended = true;
  }

  #assertOpen(): void {
    if (this.#ended) throw new SovetnikError('turn_ended', `turn ${this.turnId} has ended`);
  }
}
