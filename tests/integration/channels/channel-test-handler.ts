import { readFileSync } from 'node:fs';
import type { TurnHandler } from '../../../core/bot.ts';
import type { ProductCard, QuickReply } from '../../../core/reply.ts';
import type { Activity } from '../../../core/activity.ts';

/** A payload longer than Telegram's 64-byte callback data, like the assistant's add-to-cart buttons. */
export const LONG_PAYLOAD = 'intent:add_to_cart?item=megamarket%3Aelectronics-headphones-wireless-0042&qty=1&from=card';

/** Quick replies every plain answer carries. */
export const QUICK_REPLIES: QuickReply[] = [
  { title: 'Help', payload: 'intent:help' },
  { title: 'Deals', payload: 'intent:deals' },
];

/** The assistant's greeting buttons: more quick replies than some channels show at once. */
export const MENU_REPLIES: QuickReply[] = [
  { title: 'Что на ужин?', payload: 'intent:recommend?occasion=dinner' },
  { title: 'Найти товар', payload: 'intent:search_product' },
  { title: 'Повторить заказ', payload: 'intent:reorder' },
  { title: 'Что ты умеешь?', payload: 'intent:help' },
];

const card = (n: number, imageUrl?: string): ProductCard => ({
  itemId: `item-${n}`,
  service: n % 2 ? 'samokat' : 'megamarket',
  title: `Product ${n}`,
  price: 1000 + n,
  currency: 'RUB',
  reason: `You bought it ${n} times`,
  ...(imageUrl ? { imageUrl } : {}),
  actions: [
    { title: 'Add', payload: n === 1 ? LONG_PAYLOAD : `intent:add_to_cart?item=${n}` },
    { title: 'Why', payload: `intent:why_recommended?n=${n}` },
  ],
});

async function* chunks(parts: string[], pauseMs: number): AsyncIterable<string> {
  for (const part of parts) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    yield part;
  }
}

/** Every activity the handler saw, for assertions on parsing. */
export const seenActivities: Activity[] = [];

/**
 * A transport-test handler: each message text asks for one reply kind (`cards`, `photos`, `stream`,
 * `long`, `slow`, `ponder`, `boom`, `menu`, `menu cards`), anything else is echoed with quick replies; buttons echo their payload.
 */
export const channelTestHandler: TurnHandler = async (context) => {
  const { activity } = context;
  seenActivities.push(structuredClone({ ...activity, raw: undefined }));
  if (activity.type === 'conversationUpdate') return context.reply({ type: 'text', text: 'Welcome!', quickReplies: QUICK_REPLIES });
  if (activity.type === 'action') return context.reply(`pressed ${activity.payload}`);
  if (activity.type !== 'message') return;
  switch (activity.text) {
    case 'cards':
      return context.reply({ type: 'cards', text: 'Picked for you', cards: [card(1), card(2), card(3)], quickReplies: QUICK_REPLIES });
    case 'menu':
      return context.reply({ type: 'text', text: 'Привет! Скажите, что нужно.', quickReplies: MENU_REPLIES });
    case 'menu cards':
      return context.reply({ type: 'cards', text: 'Picked for you', cards: [card(1), card(2)], quickReplies: MENU_REPLIES });
    case 'photos':
      return context.reply({ type: 'cards', cards: [card(1, 'https://img.example/1.jpg'), card(2, 'https://img.example/2.jpg')], quickReplies: QUICK_REPLIES });
    case 'stream':
      await context.reply({ type: 'typing' });
      return context.reply({ type: 'stream', chunks: chunks(['Milk ', 'is ', 'in ', 'aisle ', 'five.'], 5), quickReplies: QUICK_REPLIES });
    case 'long':
      return context.reply('word '.repeat(1000).trim());
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, 200));
      return context.reply('done slowly');
    case 'ponder':
      // Longer than the adapters wait before showing "typing…" on their own.
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      return context.reply('done pondering');
    case 'boom':
      throw new TypeError('handler bug');
    default:
      return context.reply({ type: 'text', text: `echo: ${activity.text}`, quickReplies: QUICK_REPLIES });
  }
};

/** A recorded-style channel payload from tests/fixtures/channels. */
export function fixture<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/channels/${path}`, import.meta.url), 'utf8')) as T;
}
