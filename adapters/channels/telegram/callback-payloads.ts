import { createHash } from 'node:crypto';
import type { SessionStore } from '../../../core/stores/session-store.ts';

/** Telegram's limit on a button's `callback_data`, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Marks callback data that stands for a longer payload kept in the store. */
const REF_PREFIX = '~p:';

/**
 * Maps button payloads to Telegram `callback_data` (at most 64 bytes) and back. Short payloads travel
 * as they are; a longer one is replaced by a short id derived from its hash and kept in a shared store,
 * so any worker can resolve a button pressed days later.
 */
export interface CallbackPayloads {
  /** The callback data for a payload. */
  encode(payload: string): Promise<string>;
  /** The payload behind callback data; undefined when its mapping expired or never existed. */
  decode(data: string): Promise<string | undefined>;
}

/** Options for {@link createCallbackPayloads}. */
export interface CallbackPayloadsOptions {
  /** Where long payloads are kept (the session store: memory, or Redis shared by the workers). */
  store: SessionStore;
  /** How long a long payload stays resolvable (default 30 days, about as long as a chat's buttons get pressed). */
  ttlSeconds?: number;
}

const keyOf = (id: string): string => `telegram-callback/${id}`;

/** Creates the payload mapping over a session store. */
export function createCallbackPayloads(options: CallbackPayloadsOptions): CallbackPayloads {
  const ttlSeconds = options.ttlSeconds ?? 30 * 86_400;
  return {
    async encode(payload) {
      const fits = Buffer.byteLength(payload, 'utf8') <= CALLBACK_DATA_MAX_BYTES;
      if (fits && !payload.startsWith(REF_PREFIX)) return payload;
      // The same payload always gets the same id, so re-sending a keyboard writes nothing new.
      const id = createHash('sha256').update(payload).digest('base64url').slice(0, 22);
      await options.store.set(keyOf(id), payload, { ttlSeconds });
      return `${REF_PREFIX}${id}`;
    },
    async decode(data) {
      if (!data.startsWith(REF_PREFIX)) return data;
      const record = await options.store.get<string>(keyOf(data.slice(REF_PREFIX.length)));
      return typeof record?.data === 'string' ? record.data : undefined;
    },
  };
}
