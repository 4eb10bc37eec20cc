import type { Locale } from '../../core/activity.ts';
import type { Bot } from '../../core/bot.ts';
import type { Translate } from '../../core/i18n.ts';
import type { CardsReply, ProductCard, QuickReply, Reply, SerializableReply } from '../../core/reply.ts';
import { settleReply } from '../../core/reply.ts';

/** Text to look for: a fragment (case-insensitive), a regex, or a locale key with its variables. */
export type TextMatcher = string | RegExp | { key: string; vars?: Record<string, unknown>; locale?: Locale };

/** What one reply of the last turn must look like. Every given field must match. */
export interface ReplyExpectation {
  type?: 'text' | 'cards';
  text?: TextMatcher;
  /** Titles (or matchers) of quick replies that must be offered. */
  quickReplies?: TextMatcher[];
  cards?: {
    count?: number;
    min?: number;
    max?: number;
    /** Each given title must be on some card, in any order. */
    titles?: TextMatcher[];
    /** Every card must pass this check. */
    every?: (card: ProductCard) => boolean;
  };
}

/** Options for {@link transcript}. */
export interface TranscriptOptions {
  /** Needed for `{ key }` matchers. */
  t?: (locale: Locale) => Translate;
  shopperId?: string;
  channelUserId?: string;
  conversationId?: string;
  /** The locale sent with every message (like the in-app API's `locale` field). */
  locale?: Locale;
}

/** A conversation driven like a shopper would, for tests that read as transcripts. */
export interface Transcript {
  /** Sends a message and returns the replies. */
  send(text: string, options?: { locale?: Locale }): Promise<SerializableReply[]>;
  /** Presses a quick reply or card button by its title (or sends a raw payload). */
  press(titleOrPayload: string | RegExp): Promise<SerializableReply[]>;
  /** Asserts that some reply of the last turn matches; returns it. */
  expectReply(expectation: TextMatcher | ReplyExpectation): SerializableReply;
  /** Asserts the last turn showed product cards; returns the cards reply. */
  expectCards(expectation?: ReplyExpectation['cards']): CardsReply;
  /** Asserts the last turn showed no product cards. */
  expectNoCards(): void;
  /** The replies of the last turn. */
  readonly replies: readonly SerializableReply[];
  /** Every card shown so far, in order. */
  readonly shownCards: readonly ProductCard[];
  /** The text of every reply of the last turn, joined. */
  readonly lastText: string;
}

let sequence = 0;

function dump(replies: readonly SerializableReply[]): string {
  return JSON.stringify(replies, null, 1);
}

function textMatches(actual: string | undefined, matcher: TextMatcher, t: TranscriptOptions['t'], locale: Locale): boolean {
  if (actual === undefined) return false;
  if (typeof matcher === 'string') return actual.toLowerCase().includes(matcher.toLowerCase());
  if (matcher instanceof RegExp) return matcher.test(actual);
  if (!t) throw new Error('transcript: pass `t` in the options to match locale keys');
  return actual === t(matcher.locale ?? locale)(matcher.key, matcher.vars);
}

function cardsMatch(reply: CardsReply, spec: NonNullable<ReplyExpectation['cards']>, opts: TranscriptOptions, locale: Locale): boolean {
  const n = reply.cards.length;
  if (spec.count !== undefined && n !== spec.count) return false;
  if (spec.min !== undefined && n < spec.min) return false;
  if (spec.max !== undefined && n > spec.max) return false;
  if (spec.every && !reply.cards.every(spec.every)) return false;
  return (spec.titles ?? []).every((m) => reply.cards.some((c) => textMatches(c.title, m, opts.t, locale)));
}

function matches(reply: SerializableReply, e: ReplyExpectation, opts: TranscriptOptions, locale: Locale): boolean {
  if (e.type && reply.type !== e.type) return false;
  if (reply.type === 'typing') return false;
  if (e.text !== undefined && !textMatches(reply.text, e.text, opts.t, locale)) return false;
  const quick: QuickReply[] = reply.quickReplies ?? [];
  if (e.quickReplies && !e.quickReplies.every((m) => quick.some((q) => textMatches(q.title, m, opts.t, locale)))) {
    return false;
  }
  if (e.cards) return reply.type === 'cards' && cardsMatch(reply, e.cards, opts, locale);
  return true;
}

/** Starts a transcript against a bot. */
export function transcript(bot: Bot, options: TranscriptOptions = {}): Transcript {
  sequence += 1;
  const conversationId = options.conversationId ?? `transcript-${sequence}`;
  const user = { channelUserId: options.channelUserId ?? `user-${sequence}`, shopperId: options.shopperId };
  let last: SerializableReply[] = [];
  let lastLocale: Locale = options.locale ?? 'ru';
  const shown: ProductCard[] = [];
  let counter = 0;

  async function deliver(build: (base: { id: string; timestamp: Date }) => Parameters<Bot['handle']>[0]) {
    counter += 1;
    const replies: Reply[] = await bot.handle(build({ id: `${conversationId}-${counter}`, timestamp: new Date() }));
    last = await Promise.all(replies.map((r) => settleReply(r)));
    for (const r of last) if (r.type === 'cards') shown.push(...r.cards);
    return last;
  }

  const api: Transcript = {
    get replies() { return last; },
    get shownCards() { return shown; },
    get lastText() {
      return last.map((r) => (r.type === 'typing' ? '' : r.text ?? '')).join('\n');
    },
    send(text, sendOptions = {}) {
      const locale = sendOptions.locale ?? options.locale;
      lastLocale = locale ?? (/[а-яё]/i.test(text) ? 'ru' : 'en');
      return deliver((base) => ({ ...base, type: 'message', channel: 'test', conversationId, user, locale, text }));
    },
    press(titleOrPayload) {
      const buttons = last.flatMap((r) => (r.type === 'typing' ? [] : [
        ...(r.quickReplies ?? []), ...(r.type === 'cards' ? r.cards.flatMap((c) => c.actions ?? []) : []),
      ]));
      const button = buttons.find((b) => (titleOrPayload instanceof RegExp
        ? titleOrPayload.test(b.title) : b.title.toLowerCase() === titleOrPayload.toLowerCase()));
      if (!button && titleOrPayload instanceof RegExp) throw new Error(`no button ${titleOrPayload} in ${dump(last)}`);
      const payload = button?.payload ?? (titleOrPayload as string);
      return deliver((base) => ({
        ...base, type: 'action', channel: 'test', conversationId, user, locale: options.locale, payload, text: button?.title,
      }));
    },
    expectReply(expectation) {
      const e: ReplyExpectation = typeof expectation === 'string' || expectation instanceof RegExp || 'key' in expectation
        ? { text: expectation as TextMatcher } : expectation;
      const found = last.find((r) => matches(r, e, options, lastLocale));
      if (!found) throw new Error(`no reply matches ${JSON.stringify(e, (_k, v) => (v instanceof RegExp ? String(v) : v))}\nreplies: ${dump(last)}`);
      return found;
    },
    expectCards(spec = { min: 1 }) {
      return api.expectReply({ type: 'cards', cards: spec }) as CardsReply;
    },
    expectNoCards() {
      if (last.some((r) => r.type === 'cards')) throw new Error(`expected no cards, got ${dump(last)}`);
    },
  };
  return api;
}
