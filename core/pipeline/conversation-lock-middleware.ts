import { randomUUID } from 'node:crypto';
import type { Activity, MessageActivity } from '../activity.ts';
import type { Middleware } from '../compose.ts';
import { TimeoutError, ValidationError } from '../errors.ts';
import type { TurnContext } from '../turn-context.ts';
import type { ConversationLockStore, LockAttempt, MailboxEntry } from './conversation-lock-store.ts';
import { COALESCED, HANDLED, setTurnOutcome, type CoalescedMessage } from './turn-outcome.ts';

/** Options for {@link conversationLockMiddleware}. */
export interface ConversationLockOptions {
  store: ConversationLockStore;
  /** Lock lifetime without renewal: how soon a dead worker's conversation frees itself (default 30 s). */
  lockTtlMs?: number;
  /** How often a running turn renews its lock (default a third of `lockTtlMs`). */
  renewEveryMs?: number;
  /**
   * How soon a waiting caller asks the store again when nothing woke it (default 25 ms); the delay
   * doubles every two polls up to `maxPollIntervalMs`. Releases wake waiters at once (in this process,
   * and in others through the store's `onRelease`), so polling is only the safety net.
   */
  pollIntervalMs?: number;
  /** The longest delay between two polls (default 250 ms). */
  maxPollIntervalMs?: number;
  /** The longest a caller waits for the conversation before giving up with a TimeoutError (default 60 s). */
  maxWaitMs?: number;
  /** How long queued messages survive when no turn picks them up (default 10 min; above `maxWaitMs`). */
  mailboxTtlMs?: number;
  /** Which activities share one lock (default {@link conversationLockKey}: channel, user, conversation). */
  key?: (activity: Activity) => string;
  /** Joins the texts of coalesced messages (default a newline). */
  separator?: string;
}

/** The `TurnContext.state` key listing the messages a coalesced turn carries (in arrival order). */
export const COALESCED_STATE_KEY = 'pipeline.coalesced';

/** The messages the running turn carries when it is a coalesced one; empty for an ordinary turn. */
export function coalescedMessages(context: TurnContext): readonly CoalescedMessage[] {
  return (context.state.get(COALESCED_STATE_KEY) as CoalescedMessage[] | undefined) ?? [];
}

/**
 * The default lock key: the channel user's conversation. The user is part of it because some channels
 * let the client name the conversation (in-app `conversationId`): two shoppers who pick the same name
 * must never wait for, let alone be merged into, each other's turns.
 */
export function conversationLockKey(activity: Activity): string {
  return `${activity.channel}:${activity.user.channelUserId}:${activity.conversationId}`;
}

/**
 * One turn at a time per conversation, across every worker sharing the store, with burst coalescing.
 *
 * Every `message` is queued in the conversation's mailbox and its caller tries to take the lock in the
 * same atomic step. The winner takes everything queued and runs ONE turn for it. A caller that finds
 * the lock held waits (woken at once by a release in this process, else by polling) and, when the lock
 * frees, either wins it — then its turn carries every message queued meanwhile, its own included — or
 * finds that another caller's turn already took its message.
 *
 * Who answers a coalesced turn: the caller that runs it (in one process, the earliest waiting message's
 * caller; across workers, the first to see the lock free). Its `bot.handle()` resolves with the replies;
 * its activity's `text` is replaced by the texts of all carried messages joined in arrival order, the
 * originals are in {@link coalescedMessages}, and its outcome is `handled` with `coalesced`. Every other
 * caller whose message was carried resolves as soon as the turn takes it, with `[]` and outcome
 * `coalesced`. So each message is handled exactly once and answered exactly once, never dropped.
 *
 * Button presses and other non-message activities take the lock too but are never merged: a button
 * press means what it says, so it runs as its own turn. A lock whose worker died expires after
 * `lockTtlMs`; messages it had not taken yet are picked up by the next turn of the conversation.
 * A waiting caller whose turn is aborted (its `signal`) or who waits past `maxWaitMs` takes its
 * message back and fails, so the shopper, told to retry, is not answered later out of the blue.
 */
export function conversationLockMiddleware(options: ConversationLockOptions): Middleware<TurnContext> {
  const settings = lockSettings(options);
  const wakers = new LocalWakers();
  const renewals = new LockRenewals(settings);
  // Lock tokens only need to be unique among every worker sharing the store: one random id per process and a
  // counter, rather than a fresh UUID per turn.
  const tokenPrefix = `${randomUUID()}:`;
  let tokens = 0;
  settings.store.onRelease((conversation) => wakers.wake(conversation));
  return async (context, next) => {
    const conversation = settings.key(context.activity);
    const token = tokenPrefix + (tokens += 1);
    // The first try is made here: nearly always the lock is free and no waiting frame is needed.
    const { activity } = context;
    const entry = activity.type === 'message' ? { activityId: activity.id, text: activity.text } : undefined;
    const { store, lockTtlMs, mailboxTtlMs } = settings;
    let attempt = await store.acquire(conversation, { token, lockTtlMs, mailboxTtlMs, entry });
    if (attempt.state === 'waiting') attempt = await waitForTurn(context, conversation, token, settings, wakers, attempt.seq);
    if (attempt.state !== 'acquired') {
      setTurnOutcome(context, COALESCED);
      return;
    }
    setTurnOutcome(context, HANDLED);
    const held = renewals.add(token, conversation, context);
    try {
      carryBatch(context, attempt.batch, settings.separator);
      await next();
    } finally {
      renewals.delete(held);
      try {
        await store.release(conversation, token);
      } catch (error) {
        context.logger.warn({ err: error, conversation }, 'conversation lock release failed; it will expire');
      }
      wakers.wake(conversation);
    }
  };
}

type LockSettings = Required<Omit<ConversationLockOptions, 'renewEveryMs'>> & { renewEveryMs: number };

function lockSettings(options: ConversationLockOptions): LockSettings {
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const settings: LockSettings = {
    store: options.store,
    lockTtlMs,
    renewEveryMs: options.renewEveryMs ?? Math.max(1, Math.floor(lockTtlMs / 3)),
    pollIntervalMs: options.pollIntervalMs ?? 25,
    maxPollIntervalMs: Math.max(options.maxPollIntervalMs ?? 250, options.pollIntervalMs ?? 25),
    maxWaitMs,
    mailboxTtlMs: options.mailboxTtlMs ?? Math.max(600_000, maxWaitMs + lockTtlMs),
    key: options.key ?? conversationLockKey,
    separator: options.separator ?? '\n',
  };
  if (!(settings.renewEveryMs < lockTtlMs)) throw new ValidationError('renewEveryMs must be below lockTtlMs');
  if (!(settings.mailboxTtlMs > maxWaitMs)) throw new ValidationError('mailboxTtlMs must exceed maxWaitMs');
  return settings;
}

// Polls after a first attempt found the conversation busy (its queued message has `seq`), until this turn holds
// the lock, its message was carried by another turn, or the wait is given up.
async function waitForTurn(
  context: TurnContext,
  conversation: string,
  token: string,
  settings: LockSettings,
  wakers: LocalWakers,
  seq: number | undefined,
): Promise<LockAttempt> {
  const { store, lockTtlMs, mailboxTtlMs } = settings;
  let attempt: LockAttempt = { state: 'waiting', seq };
  const deadline = Date.now() + settings.maxWaitMs;
  for (let polls = 0; attempt.state === 'waiting'; polls += 1) {
    if (context.signal.aborted || Date.now() >= deadline) return giveUp(context, conversation, seq, settings);
    const delay = Math.min(settings.maxPollIntervalMs, settings.pollIntervalMs * 2 ** Math.floor(polls / 2));
    await wakers.wait(conversation, Math.min(delay, Math.max(1, deadline - Date.now())), context.signal);
    attempt = await store.acquire(conversation, { token, lockTtlMs, mailboxTtlMs, seq });
  }
  return attempt;
}

/** Takes the caller's message back; if a turn took it first, the caller simply was coalesced. */
async function giveUp(
  context: TurnContext,
  conversation: string,
  seq: number | undefined,
  settings: LockSettings,
): Promise<LockAttempt> {
  if (seq !== undefined && !(await settings.store.withdraw(conversation, seq))) return { state: 'consumed', seq };
  context.logger.warn({ conversation, aborted: context.signal.aborted }, 'gave up waiting for the conversation lock');
  if (context.signal.aborted && context.signal.reason !== undefined) throw context.signal.reason;
  throw new TimeoutError('waiting for the conversation', settings.maxWaitMs);
}

function carryBatch(context: TurnContext, batch: readonly MailboxEntry[], separator: string): void {
  const activity = context.activity;
  if (batch.length <= 1 || activity.type !== 'message') return;
  const messages = batch.map(({ activityId, text }) => ({ activityId, text }));
  context.state.set(COALESCED_STATE_KEY, messages);
  // The handler reads the turn's text from the activity, so the carried texts are written there.
  (activity as MessageActivity).text = messages.map((m) => m.text).join(separator);
  setTurnOutcome(context, { kind: 'handled', coalesced: messages.filter((m) => m.activityId !== activity.id) });
  context.logger.info({ messages: messages.length }, 'coalesced burst into one turn');
}

/** A lock this process holds, linked into {@link LockRenewals}' list (oldest renewal first). */
class HeldLock {
  renewedAt: number;
  earlier: HeldLock | undefined = undefined;
  later: HeldLock | undefined = undefined;
  listed = true;

  constructor(
    readonly token: string,
    readonly conversation: string,
    readonly context: TurnContext,
    now: number,
  ) {
    this.renewedAt = now;
  }
}

/**
 * Renews the locks this process holds, all from one timer rather than one per turn (timers cost on this path).
 * It ticks every quarter of `renewEveryMs` and renews a lock once three quarters of it have passed since its last
 * renewal, so no lock goes longer than `renewEveryMs` unrenewed, as with a timer of its own. The held locks are a
 * list linked through themselves in order of their last renewal (a renewed lock moves to the end): adding and
 * removing one costs no map entry, and a tick stops at the first lock not yet due.
 */
class LockRenewals {
  readonly #settings: LockSettings;
  #first: HeldLock | undefined;
  #last: HeldLock | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(settings: LockSettings) {
    this.#settings = settings;
  }

  add(token: string, conversation: string, context: TurnContext): HeldLock {
    const held = new HeldLock(token, conversation, context, Date.now());
    this.#append(held);
    if (this.#timer) return held;
    this.#timer = setInterval(() => this.#tick(), Math.max(1, Math.floor(this.#settings.renewEveryMs / 4)));
    this.#timer.unref?.();
    return held;
  }

  delete(held: HeldLock): void {
    this.#unlink(held);
    if (this.#first !== undefined || !this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #append(held: HeldLock): void {
    held.listed = true;
    held.earlier = this.#last;
    held.later = undefined;
    if (this.#last) this.#last.later = held;
    else this.#first = held;
    this.#last = held;
  }

  #unlink(held: HeldLock): void {
    if (!held.listed) return;
    held.listed = false;
    if (held.earlier) held.earlier.later = held.later;
    else this.#first = held.later;
    if (held.later) held.later.earlier = held.earlier;
    else this.#last = held.earlier;
    held.earlier = undefined;
    held.later = undefined;
  }

  #tick(): void {
    const now = Date.now();
    const due = now - (this.#settings.renewEveryMs * 3) / 4;
    // Locks renewed in this tick go to the end with `now`: the loop meets them only after every due one.
    for (let held = this.#first; held !== undefined && held.renewedAt <= due; held = this.#first) {
      held.renewedAt = now;
      this.#unlink(held);
      this.#append(held);
      this.#renew(held);
    }
  }

  #renew({ token, conversation, context }: HeldLock): void {
    this.#settings.store.renew(conversation, token, this.#settings.lockTtlMs).then(
      (held) => {
        if (!held) context.logger.error({ conversation }, 'conversation lock lost while the turn ran');
      },
      (error: unknown) => context.logger.warn({ err: error, conversation }, 'conversation lock renewal failed'),
    );
  }
}

/** Wakes this process's waiters at once when a turn ends here; waiters on other workers poll. */
class LocalWakers {
  readonly #waiters = new Map<string, Set<() => void>>();

  wait(conversation: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let waiters = this.#waiters.get(conversation);
      if (!waiters) this.#waiters.set(conversation, (waiters = new Set()));
      const set = waiters;
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0 && this.#waiters.get(conversation) === set) this.#waiters.delete(conversation);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  wake(conversation: string): void {
    // Nearly always nobody waits: no copy of an empty set per turn.
    const waiters = this.#waiters.get(conversation);
    if (waiters === undefined) return;
    for (const done of [...waiters]) done();
  }
}
