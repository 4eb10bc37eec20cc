import type { Redis } from 'ioredis';
import type {
  ConversationLockStore,
  LockAttempt,
  LockRequest,
  MailboxEntry,
} from '../../../core/pipeline/conversation-lock-store.ts';
import { RedisScript } from './redis-script.ts';

/** Options for {@link RedisConversationLockStore}. */
export interface RedisConversationLockStoreOptions {
  /** Commands go here; release notifications use a duplicate of it, which the store owns and closes. */
  client: Redis;
  /** Namespaces the keys (default `sovetnik:conv:`). */
  keyPrefix?: string;
  /** When true, `close()` quits the client. */
  ownsClient?: boolean;
}

// KEYS: lock (token, PX), mailbox (list of "<seq> <json>"), meta (hash: seq counter, consumed = last seq taken).
// The meta hash holds both counters so they always expire together.
// ARGV: token, lock ttl ms, seq ('' = none), entry json ('' = none), mailbox ttl ms.
// Returns {state, seq, ...batch entries}.
const ACQUIRE_SCRIPT = new RedisScript(`
local seq = tonumber(ARGV[3])
if ARGV[4] ~= '' then
  seq = redis.call('HINCRBY', KEYS[3], 'seq', 1)
  redis.call('RPUSH', KEYS[2], seq .. ' ' .. ARGV[4])
  redis.call('PEXPIRE', KEYS[2], ARGV[5])
  redis.call('PEXPIRE', KEYS[3], ARGV[5])
end
if seq then
  local consumed = tonumber(redis.call('HGET', KEYS[3], 'consumed')) or 0
  if seq <= consumed then return {'consumed', seq} end
end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'waiting', seq or 0} end
if not seq then return {'acquired', 0} end
local batch = redis.call('LRANGE', KEYS[2], 0, -1)
local reply = {'acquired', seq}
if #batch > 0 then
  redis.call('DEL', KEYS[2])
  redis.call('HSET', KEYS[3], 'consumed', tonumber(string.match(batch[#batch], '^(%d+) ')))
  redis.call('PEXPIRE', KEYS[3], ARGV[5])
  for i = 1, #batch do reply[#reply + 1] = batch[i] end
end
return reply
`);

// KEYS: lock. ARGV: token, ttl ms. Touches the lock only when the token still holds it.
const RENEW_SCRIPT = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

// KEYS: lock, mailbox. ARGV: token, notification channel, conversation. Waiters exist only when
// messages are queued, so only then is the release announced.
const RELEASE_SCRIPT = new RedisScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
if redis.call('LLEN', KEYS[2]) > 0 then redis.call('PUBLISH', ARGV[2], ARGV[3]) end
return 1
`);

// KEYS: mailbox. ARGV: seq. Removes the entry with that seq when it is still queued.
const WITHDRAW_SCRIPT = new RedisScript(`
local prefix = ARGV[1] .. ' '
for _, value in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  if string.sub(value, 1, #prefix) == prefix then return redis.call('LREM', KEYS[1], 1, value) end
end
return 0
`);

/**
 * The conversation lock and mailbox on Redis, shared by every worker: the lock is `SET NX PX` with a
 * random token (released and renewed only by its holder, through Lua), the mailbox a list. Queueing,
 * the consumed check, taking the lock and draining the mailbox happen in one Lua script, so a message
 * is either in exactly one turn's batch or still queued — never both, never neither.
 * The three keys of a conversation share a hash tag, so they live on one Redis Cluster slot.
 */
export class RedisConversationLockStore implements ConversationLockStore {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #ownsClient: boolean;
  readonly #channel: string;
  readonly #listeners = new Set<(conversation: string) => void>();
  #subscriber: Redis | undefined;

  constructor(options: RedisConversationLockStoreOptions) {
    this.#client = options.client;
    this.#prefix = options.keyPrefix ?? 'sovetnik:conv:';
    this.#ownsClient = options.ownsClient ?? false;
    this.#channel = `${this.#prefix}released`;
  }

  async acquire(conversation: string, request: LockRequest): Promise<LockAttempt> {
    const entry = request.entry ? JSON.stringify(request.entry) : '';
    const args = [request.token, ms(request.lockTtlMs), request.seq ?? '', entry, ms(request.mailboxTtlMs)];
    const reply = (await ACQUIRE_SCRIPT.run(this.#client, this.#keys(conversation), args)) as [string, number, ...string[]];
    const [state, rawSeq, ...batch] = reply;
    const seq = rawSeq > 0 ? rawSeq : undefined;
    if (state === 'acquired') return { state, seq, batch: batch.map(parseEntry) };
    return state === 'consumed' ? { state, seq } : { state: 'waiting', seq };
  }

  async renew(conversation: string, token: string, lockTtlMs: number): Promise<boolean> {
    const [lock] = this.#keys(conversation);
    return (await RENEW_SCRIPT.run(this.#client, [lock], [token, ms(lockTtlMs)])) === 1;
  }

  async release(conversation: string, token: string): Promise<boolean> {
    const [lock, mailbox] = this.#keys(conversation);
    return (await RELEASE_SCRIPT.run(this.#client, [lock, mailbox], [token, this.#channel, conversation])) === 1;
  }

  async withdraw(conversation: string, seq: number): Promise<boolean> {
    const [, mailbox] = this.#keys(conversation);
    return (await WITHDRAW_SCRIPT.run(this.#client, [mailbox], [seq])) === 1;
  }

  /** Subscribes (on a second connection, opened on first use) to releases announced by any worker. */
  onRelease(listener: (conversation: string) => void): () => void {
    this.#listeners.add(listener);
    if (!this.#subscriber) {
      const subscriber = this.#client.duplicate();
      subscriber.on('message', (channel: string, conversation: string) => {
        if (channel === this.#channel) for (const notify of [...this.#listeners]) notify(conversation);
      });
      // Polling still works while the subscriber reconnects; ioredis re-subscribes by itself.
      subscriber.on('error', () => {});
      subscriber.subscribe(this.#channel).catch(() => {});
      this.#subscriber = subscriber;
    }
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    if (this.#subscriber) await this.#subscriber.quit().catch(() => this.#subscriber?.disconnect());
    if (this.#ownsClient) await this.#client.quit();
  }

  #keys(conversation: string): [lock: string, mailbox: string, meta: string] {
    const base = `${this.#prefix}{${conversation}}`;
    return [`${base}:lock`, `${base}:mailbox`, `${base}:meta`];
  }
}

const ms = (value: number): number => Math.max(1, Math.round(value));

function parseEntry(raw: string): MailboxEntry {
  const space = raw.indexOf(' ');
  const { activityId, text } = JSON.parse(raw.slice(space + 1)) as { activityId: string; text: string };
  return { seq: Number(raw.slice(0, space)), activityId, text };
}
