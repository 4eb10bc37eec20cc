import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCallbackPayloads } from '../../../adapters/channels/telegram/callback-payloads.ts';
import { buttonRows, renderTelegram } from '../../../adapters/channels/telegram/telegram-render.ts';
import { plainSlackText } from '../../../adapters/channels/slack/slack-activity.ts';
import { renderSlack } from '../../../adapters/channels/slack/slack-render.ts';
import { slackSignature, verifySlackSignature } from '../../../adapters/channels/slack/slack-signature.ts';
import { plainTeamsText } from '../../../adapters/channels/teams/bot-framework-activity.ts';
import { renderTeams } from '../../../adapters/channels/teams/teams-render.ts';
import { formatPrice, splitText } from '../../../adapters/http/reply-text.ts';
import { StreamingMessage } from '../../../adapters/http/streaming-message.ts';
import { MemorySessionStore } from '../../../core/stores/memory-session-store.ts';
import type { CardsReply, ProductCard } from '../../../core/reply.ts';

describe('StreamingMessage', () => {
  it('posts at the first chunk and edits at most once per interval, never queueing skipped edits', async () => {
    let now = 0;
    const calls: string[] = [];
    const stream = new StreamingMessage<number>({
      intervalMs: 1000, maxLength: 20, now: () => now,
      target: { create: async (text) => (calls.push(`create:${text}`), 7), update: async (id, text) => void calls.push(`update:${id}:${text}`) },
    });
    await stream.push(' ');
    expect(calls).toEqual([]);
    await stream.push('a');
    now = 500;
    await stream.push('b');
    now = 1000;
    await stream.push('c');
    now = 1500;
    await stream.push('d');
    now = 2100;
    await stream.push('e'.repeat(30));
    expect(calls).toEqual(['create: a', 'update:7: abc', `update:7: abcd${'e'.repeat(15)}`]);
    expect(stream.handle).toBe(7);
  });
});

describe('splitText', () => {
  it('keeps every word, in order, in parts within the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zа-я]{1,12}$/), { maxLength: 300 }), fc.integer({ min: 20, max: 200 }), (words, max) => {
        const text = words.join(' ');
        const parts = splitText(text, max);
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(max);
        expect(parts.join(' ').split(/\s+/).filter(Boolean)).toEqual(words);
      }),
    );
  });

  it('prefers paragraph boundaries', () => {
    expect(splitText(`${'a'.repeat(30)}\n\n${'b'.repeat(30)}`, 40)).toEqual(['a'.repeat(30), 'b'.repeat(30)]);
  });
});

describe('formatPrice', () => {
  it('groups thousands and keeps kopecks', () => {
    expect(formatPrice(1299)).toBe('1\u00a0299\u00a0₽');
    expect(formatPrice(89.9)).toBe('89.90\u00a0₽');
    expect(formatPrice(1_000_000)).toBe('1\u00a0000\u00a0000\u00a0₽');
  });
});

describe('Telegram callback payloads', () => {
  it('round-trips any payload through callback data of at most 64 bytes', async () => {
    const payloads = createCallbackPayloads({ store: new MemorySessionStore({ ttlSeconds: 60 }) });
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }), async (payload) => {
        const data = await payloads.encode(payload);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
        expect(await payloads.decode(data)).toBe(payload);
      }),
    );
  });

  it('does not resolve data it never issued', async () => {
    const payloads = createCallbackPayloads({ store: new MemorySessionStore({ ttlSeconds: 60 }) });
    expect(await payloads.decode('~p:AAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
  });
});

describe('Telegram rendering', () => {
  it('packs buttons in rows of at most three that fit a phone', () => {
    const rows = buttonRows(['Yes', 'No', 'Maybe', 'Tell me more about it', 'Ok'].map((text) => ({ text, payload: text })));
    expect(rows.map((row) => row.map((b) => b.text))).toEqual([['Yes', 'No', 'Maybe'], ['Tell me more about it', 'Ok']]);
  });

  it('hangs quick replies of a blank text under a placeholder instead of dropping them', () => {
    expect(renderTelegram({ type: 'text', text: '', quickReplies: [{ title: 'Help', payload: 'help' }] })).toEqual([
      { kind: 'message', text: '…', keyboard: [[{ text: 'Help', payload: 'help' }]] },
    ]);
    expect(renderTelegram({ type: 'text', text: '' })).toEqual([]);
    expect(renderTelegram({ type: 'typing' })).toEqual([]);
  });
});

describe('Slack', () => {
  it('signs and verifies like Slack documents it (its published example)', () => {
    // https://api.slack.com/authentication/verifying-requests-from-slack
    const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const expected = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', '1531420618', body)).toBe(expected);
    expect(() => verifySlackSignature({ timestamp: '1531420618', signature: expected, rawBody: body }, { signingSecret: '8f742231b10e8888abcd99yyyzzz85a5', now: 1531420618_000 })).not.toThrow();
    expect(() => verifySlackSignature({ timestamp: '1531420618', signature: expected, rawBody: body }, { signingSecret: '8f742231b10e8888abcd99yyyzzz85a5', now: 1531420618_000 + 301_000 })).toThrow(/stale/);
  });

  it('turns Slack markup back into plain text', () => {
    expect(plainSlackText('<@UBOT> hi <@U2|anna> see <https://x.ru|this> &amp; <#C1|general> <!here>', 'UBOT')).toBe('hi @U2 see this & #general @here');
  });

  it('keeps a message within 50 blocks, keeping the quick replies', () => {
    const card = (n: number): ProductCard => ({ itemId: `${n}`, service: 'kuper', title: `T${n}`, price: n, currency: 'RUB', actions: [{ title: 'Add', payload: `add ${n}` }] });
    const message = renderSlack({ type: 'cards', text: 'x'.repeat(70_000), cards: Array.from({ length: 30 }, (_, i) => card(i)), quickReplies: [{ title: 'More', payload: 'more' }] });
    expect(message!.blocks.length).toBeLessThanOrEqual(50);
    expect(message!.blocks.at(-1)).toMatchObject({ type: 'actions', block_id: 'quick-replies' });
    expect(message!.text.length).toBeLessThanOrEqual(4000);
  });
});

describe('Teams', () => {
  it('strips mentions and markup from message text', () => {
    expect(plainTeamsText('<at>Sovetnik</at>&nbsp;milk <b>please</b> &amp; bread')).toBe('milk please & bread');
  });

  it('renders a typing reply as a typing activity and a blank text as nothing', () => {
    expect(renderTeams({ type: 'typing' }, { recipientId: 'u' })).toEqual({ type: 'typing' });
    expect(renderTeams({ type: 'text', text: ' ' }, { recipientId: 'u' })).toBeUndefined();
  });
});

describe('a cart line (a card with a quantity) in every messenger', () => {
  const line: ProductCard = {
    itemId: 'k-buckwheat', service: 'kuper', title: 'Гречка Увелка', price: 89.9, currency: 'RUB', quantity: 3,
    actions: [{ title: '−1', payload: 'minus' }, { title: '+1', payload: 'plus' }, { title: 'Убрать', payload: 'remove' }],
  };
  const reply: CardsReply = { type: 'cards', text: 'В корзине товаров: 3, на 269,7 ₽.', cards: [line], quickReplies: [{ title: 'Оформить', payload: 'checkout' }] };
  const sum = '3 × 89.90\u00a0₽ = 269.70\u00a0₽';

  it('says its quantity and sum where a suggestion says its price, with the line\'s buttons', () => {
    const [telegram] = renderTelegram(reply);
    expect(telegram).toEqual({
      kind: 'message', text: `${reply.text}\n\n1. Гречка Увелка — ${sum} · Kuper`,
      keyboard: [[{ text: '1. −1', payload: 'minus' }, { text: '1. +1', payload: 'plus' }, { text: '1. Убрать', payload: 'remove' }], [{ text: 'Оформить', payload: 'checkout' }]],
    });
    const slack = renderSlack(reply)!;
    expect(JSON.stringify(slack.blocks)).toContain(`*${sum}*`);
    expect(slack.text).toContain(`1. Гречка Увелка — ${sum} · Kuper`);
    const teams = renderTeams(reply, { recipientId: 'u' }) as { attachments: { content: { subtitle: string; text?: string; buttons: unknown[] } }[] };
    expect(teams.attachments[0]!.content).toMatchObject({ subtitle: `${sum} · Kuper`, buttons: [{}, {}, {}] });
    expect(teams.attachments[0]!.content.text).toBeUndefined();
  });

  it('a suggestion (no quantity) keeps its plain price', () => {
    const [telegram] = renderTelegram({ type: 'cards', cards: [{ ...line, quantity: undefined }] });
    expect(telegram).toMatchObject({ text: '1. Гречка Увелка — 89.90\u00a0₽ · Kuper' });
  });
});
