import { shopEventSchema, type ShopEvent } from '../../../core/events/shop-event.ts';
import { ERASE_FIELD, EVENT_FIELD } from './event-stream.ts';

/** One stream entry as Redis returns it (fields is null for an entry deleted while pending). */
export type StreamEntry = [id: string, fields: string[] | null];

/** RESP2 answers `[[stream, entries]]`; RESP3 a map, which ioredis flattens to `[stream, entries]`. */
export type StreamReadReply = Array<[stream: string, entries: StreamEntry[]]> | [stream: string, entries: StreamEntry[]] | null;

/** The entries of an XREAD / XREADGROUP reply on one stream. */
export function entriesOf(reply: StreamReadReply): StreamEntry[] {
  if (!reply || reply.length === 0) return [];
  if (typeof reply[0] === 'string') return (reply[1] as StreamEntry[] | undefined) ?? [];
  return (reply as Array<[string, StreamEntry[]]>)[0]?.[1] ?? [];
}

/** A decoded entry: an event, an erasure notice (`erase` = the shopper id), or why it is unreadable. */
export interface DecodedEntry {
  id: string;
  event?: ShopEvent;
  erase?: string;
  error?: string;
}

function field(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

/** Decodes one entry of the event stream. */
export function decodeEntry([id, fields]: StreamEntry): DecodedEntry {
  if (!fields) return { id, error: 'entry has no event field' };
  const erase = field(fields, ERASE_FIELD);
  if (erase !== undefined) return { id, erase };
  const raw = field(fields, EVENT_FIELD);
  if (raw === undefined) return { id, error: 'entry has no event field' };
  try {
    const parsed = shopEventSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { id, event: parsed.data } : { id, error: `invalid event: ${parsed.error.issues[0]?.message}` };
  } catch {
    return { id, error: 'entry is not JSON' };
  }
}

/** Orders two stream ids (`<ms>-<seq>`): negative when `a` is older. */
export function compareStreamIds(a: string, b: string): number {
  const [am = '0', as = '0'] = a.split('-');
  const [bm = '0', bs = '0'] = b.split('-');
  const ms = BigInt(am) - BigInt(bm);
  if (ms !== 0n) return ms < 0n ? -1 : 1;
  const seq = BigInt(as) - BigInt(bs);
  return seq === 0n ? 0 : seq < 0n ? -1 : 1;
}
