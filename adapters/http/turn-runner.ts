import { randomUUID } from 'node:crypto';
import type { Activity, Locale } from '../../core/activity.ts';
import type { Bot, HandleOptions } from '../../core/bot.ts';
import { TimeoutError, toSovetnikError, type SovetnikError } from '../../core/errors.ts';
import type { Translator } from '../../core/i18n.ts';
import { resolveLocale } from '../../core/locale.ts';
import type { Logger } from '../../core/logger.ts';
import { settleReply, type Reply, type SerializableReply } from '../../core/reply.ts';
import { statusForCode } from './error-response.ts';
import { CounterChild, HistogramChild } from './metric-children.ts';
import type { AppMetrics } from './metrics.ts';
import { Deadlines, type DeadlineEntry } from './turn-deadlines.ts';

/** Callbacks for one turn, so a channel can stream. */
export interface TurnHooks {
  /** Each chunk of a streamed reply, as it is produced. */
  onDelta?: (text: string) => void | Promise<void>;
  /** Each reply once settled (a stream collapsed to its text). */
  onReply?: (reply: SerializableReply) => void | Promise<void>;
  /** A typing indicator the turn asked for (left out of the settled replies). */
  onTyping?: () => void | Promise<void>;
  /** The language the turn ended in (the shopper may have switched it by text). */
  onLocale?: (locale: Locale) => void;
  /**
   * Aborts the turn when the caller gives up (the client closed the connection): the turn's signal aborts,
   * `run` resolves at once with what was settled so far, no apology is sent, and the outcome is `cancelled`.
   */
  cancel?: AbortSignal;
}

/** Runs turns for channel adapters: timeout, metrics, logs with the turn id, and a polite answer on failure. */
export interface TurnRunner {
  /** Handles one activity; resolves with the settled replies (typing indicators left out). */
  run(activity: Activity, hooks?: TurnHooks): Promise<SerializableReply[]>;
}

/** Options for {@link createTurnRunner}. */
export interface TurnRunnerOptions {
  bot: Bot;
  translator: Translator;
  logger: Logger;
  /** The longest a turn may take; past it the turn is aborted and the shopper gets an apology. */
  timeoutMs: number;
  metrics?: AppMetrics;
}

/** Errors that are the client's fault travel up as HTTP 4xx; anything else becomes an apology reply. */
const isClientError = (error: SovetnikError): boolean => statusForCode(error.code) < 500;

const NO_HOOKS: TurnHooks = {};

/**
 * One turn's deadline, abort switch and reply collection. A class with methods rather than closures: this runs
 * for every message, and every named closure costs an allocation and a property definition per turn. The
 * AbortController is built only when a step reads the signal or the turn is aborted: nearly every turn ends
 * normally.
 */
class TurnRun implements DeadlineEntry {
  readonly settled: SerializableReply[] = [];
  dueAt = 0;
  earlier: DeadlineEntry | undefined = undefined;
  later: DeadlineEntry | undefined = undefined;
  listed = false;
  readonly #hooks: TurnHooks;
  readonly #deadlines: Deadlines;
  readonly #timeoutMs: number;
  #controller: AbortController | undefined;
  #aborted = false;
  #reason: unknown;
  #reject: ((error: unknown) => void) | undefined;

  constructor(hooks: TurnHooks, deadlines: Deadlines, timeoutMs: number) {
    this.#hooks = hooks;
    this.#deadlines = deadlines;
    this.#timeoutMs = timeoutMs;
  }

  /** The turn ran past its time limit (called by the runner's {@link Deadlines}). */
  expire(): void {
    this.abort(new TimeoutError('turn', this.#timeoutMs));
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  /** The turn's signal, built on first read. */
  signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }

  /**
   * Runs the bot with a deadline: past `timeoutMs`, or when the caller's `cancel` signal fires (the client went
   * away), the turn's signal aborts and the turn rejects at once, even when a handler ignores the signal.
   */
  within(bot: Bot, activity: Activity, options: HandleOptions): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#reject = reject;
      this.#deadlines.add(this);
      const cancel = this.#hooks.cancel;
      if (cancel?.aborted) this.abort(cancel.reason);
      else cancel?.addEventListener('abort', this);
      bot.handle(activity, options).then(
        () => {
          this.#settle();
          resolve();
        },
        (error: unknown) => {
          this.#settle();
          reject(error);
        },
      );
    });
  }

  /** The caller's cancel signal fired (EventTarget calls this for `addEventListener('abort', this)`). */
  handleEvent(): void {
    this.abort(this.#hooks.cancel?.reason);
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    (this.#controller ??= new AbortController()).abort(reason);
    this.#reject?.(reason);
  }

  /**
   * Takes one reply of the turn. Not async: a settled reply with no hook to call (every JSON turn) is kept at
   * once, and nothing is returned for the caller to await; only streams and hooks hand back a promise.
   */
  onReply(reply: Reply): void | Promise<void> {
    if (this.#aborted) return;
    if (reply.type === 'typing') return this.#hooks.onTyping?.();
    if (reply.type === 'stream') return this.#settleStream(reply);
    return this.#keep(reply);
  }

  async #settleStream(reply: Reply): Promise<void> {
    const value = await settleReply(reply, this.#hooks.onDelta ? (text) => this.#onDelta(text) : undefined);
    if (this.#aborted) return;
    await this.#keep(value);
  }

  #keep(value: SerializableReply): void | Promise<void> {
    this.settled.push(value);
    return this.#hooks.onReply?.(value);
  }

  // A stream stops at its next chunk once the turn is aborted (its generator's finally runs): nobody reads it.
  #onDelta(text: string): void | Promise<void> {
    if (this.#aborted) throw this.#reason;
    return this.#hooks.onDelta?.(text);
  }

  #settle(): void {
    this.#deadlines.remove(this);
    this.#hooks.cancel?.removeEventListener('abort', this);
  }
}

/** The turn's outcome label for metrics and logs. */
type Outcome = 'ok' | 'rejected' | 'failed' | 'cancelled';

/** One channel's metric children: a counter per outcome and the duration histogram. */
interface ChannelMetrics {
  counters: Partial<Record<Outcome, CounterChild>>;
  timer: HistogramChild;
}

/**
 * Metric children per label values, made once: a labelled prom-client call hashes its labels every time. Found by
 * channel, then outcome, with no key string built per turn (a fresh string costs a hash on every lookup).
 */
class TurnMetrics {
  readonly #metrics: AppMetrics;
  readonly #channels = new Map<string, ChannelMetrics>();

  constructor(metrics: AppMetrics) {
    this.#metrics = metrics;
  }

  record(channel: string, outcome: Outcome, seconds: number): void {
    let children = this.#channels.get(channel);
    if (!children) this.#channels.set(channel, (children = { counters: {}, timer: new HistogramChild(this.#metrics.turnSeconds, { channel }) }));
    (children.counters[outcome] ??= new CounterChild(this.#metrics.turns, { channel, outcome })).inc();
    children.timer.observe(seconds);
  }
}

/** Creates the turn runner shared by every channel adapter. */
export function createTurnRunner(options: TurnRunnerOptions): TurnRunner {
  const { bot, metrics, timeoutMs } = options;
  const turnMetrics = metrics ? new TurnMetrics(metrics) : undefined;
  const deadlines = new Deadlines(timeoutMs);
  // Turn ids only need to be unique across the workers' logs: one random id per runner and a counter, rather
  // than a fresh UUID per turn.
  const idPrefix = `${randomUUID()}-`;
  let turns = 0;
  return {
    async run(activity, hooks = NO_HOOKS) {
      const turnId = idPrefix + (turns += 1).toString(36);
      const started = performance.now();
      const turn = new TurnRun(hooks, deadlines, timeoutMs);
      const handleOptions: HandleOptions = {
        turnId,
        onReply(reply) {
          return turn.onReply(reply);
        },
        signal() {
          return turn.signal();
        },
      };
      if (hooks.onLocale) handleOptions.onLocale = hooks.onLocale;
      let outcome: Outcome = 'ok';
      try {
        await turn.within(bot, activity, handleOptions);
        return turn.settled;
      } catch (thrown) {
        // The caller gave up (the client closed the connection): nobody is there to read an apology.
        if (hooks.cancel?.aborted) {
          outcome = 'cancelled';
          return turn.settled;
        }
        const error = toSovetnikError(thrown);
        // Client errors are counted by the HTTP error handler that answers them.
        if (isClientError(error)) {
          outcome = 'rejected';
          throw error;
        }
        outcome = 'failed';
        metrics?.errors.inc({ code: error.code });
        options.logger.error({ turnId, channel: activity.channel, code: error.code, err: thrown }, 'turn failed');
        const apology = apologyFor(options.translator, activity, error);
        turn.settled.push(apology);
        await hooks.onReply?.(apology);
        return turn.settled;
      } finally {
        // No abort on success: an AbortError costs a DOMException with a stack on every turn.
        const seconds = (performance.now() - started) / 1000;
        turnMetrics?.record(activity.channel, outcome, seconds);
        options.logger.debug({ turnId, channel: activity.channel, outcome, ms: Math.round(seconds * 1000) }, 'turn');
      }
    },
  };
}

function apologyFor(translator: Translator, activity: Activity, error: SovetnikError): SerializableReply {
  const locale = resolveLocale({
    requested: activity.locale,
    channelLanguage: activity.user.channelLanguage,
    text: activity.type === 'message' ? activity.text : undefined,
  });
  const t = translator.forLocale(locale);
  const key = error.code === 'timeout' ? 'errors:turn_timeout' : 'errors:turn_failed';
  return { type: 'text', text: t(key), quickReplies: [{ title: t('common:quick.help'), payload: 'intent:help' }] };
}
