import type { CardsReply, ProductCard, QuickReply, SerializableReply } from '../../../core/reply.ts';
import { cardSummary, splitText } from '../../http/reply-text.ts';

/** Telegram's limits: a message's text and a photo's caption. */
export const TELEGRAM_TEXT_MAX = 4096;
export const TELEGRAM_CAPTION_MAX = 1024;

/** A button before its payload is mapped to callback data. */
export interface TelegramButton {
  text: string;
  payload: string;
}

/** One Bot API call a reply turns into, with its keyboard as rows of buttons. */
export type TelegramOutgoing =
  | { kind: 'message'; text: string; keyboard?: TelegramButton[][] }
  | { kind: 'photo'; photo: string; caption: string; keyboard?: TelegramButton[][] };

/** How many photos a cards reply may become before it is shown as a list (one message per photo). */
const MAX_PHOTO_CARDS = 5;

/** Packs buttons into rows that fit a phone screen: at most three, and short titles share a row. */
export function buttonRows(buttons: readonly TelegramButton[]): TelegramButton[][] {
  const rows: TelegramButton[][] = [];
  let row: TelegramButton[] = [];
  let width = 0;
  for (const button of buttons) {
    const w = button.text.length;
    if (row.length > 0 && (row.length === 3 || width + w > 32)) {
      rows.push(row);
      row = [];
      width = 0;
    }
    row.push(button);
    width += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

const toButtons = (replies: readonly QuickReply[] | undefined): TelegramButton[] =>
  (replies ?? []).map((r) => ({ text: r.title, payload: r.payload }));

/** A text split to Telegram's limit; the keyboard goes under the last part. */
function textMessages(text: string, keyboard: TelegramButton[][]): TelegramOutgoing[] {
  const parts = splitText(text, TELEGRAM_TEXT_MAX);
  // A keyboard needs a message to hang from, even when the text is blank.
  if (parts.length === 0 && keyboard.length > 0) parts.push('…');
  return parts.map((part, i) =>
    i === parts.length - 1 && keyboard.length > 0 ? { kind: 'message', text: part, keyboard } : { kind: 'message', text: part },
  );
}

function cardText(card: ProductCard, n: number): string {
  const reason = card.reason ? `\n   ${card.reason}` : '';
  return `${n}. ${cardSummary(card)}${reason}`;
}

/** The card's own buttons, numbered so a list's buttons say which card they act on. */
function cardButtons(card: ProductCard, n: number, numbered: boolean): TelegramButton[] {
  return (card.actions ?? []).map((a) => ({ text: numbered ? `${n}. ${a.title}` : a.title, payload: a.payload }));
}

/** Cards as one numbered list with every card's buttons (one row per card) and the quick replies. */
function cardList(reply: CardsReply): TelegramOutgoing[] {
  const lines = reply.cards.map((card, i) => cardText(card, i + 1));
  const text = [reply.text, lines.join('\n')].filter(Boolean).join('\n\n');
  const keyboard = [
    ...reply.cards.flatMap((card, i) => buttonRows(cardButtons(card, i + 1, true))),
    ...buttonRows(toButtons(reply.quickReplies)),
  ];
  return textMessages(text, keyboard);
}

/** Cards with pictures: a photo per card with its caption and buttons; the quick replies under the last. */
function cardPhotos(reply: CardsReply): TelegramOutgoing[] {
  const out: TelegramOutgoing[] = reply.text ? textMessages(reply.text, []) : [];
  reply.cards.forEach((card, i) => {
    const last = i === reply.cards.length - 1;
    const keyboard = [...buttonRows(cardButtons(card, i + 1, false)), ...(last ? buttonRows(toButtons(reply.quickReplies)) : [])];
    const caption = cardText(card, i + 1).slice(0, TELEGRAM_CAPTION_MAX);
    out.push(keyboard.length > 0 ? { kind: 'photo', photo: card.imageUrl ?? '', caption, keyboard } : { kind: 'photo', photo: card.imageUrl ?? '', caption });
  });
  return out;
}

/**
 * Renders a settled reply as Telegram messages: text with an inline keyboard for quick replies; cards as
 * photos with captions when every card has a picture (and there are few), else as a numbered list.
 * Typing indicators are not messages (the adapter sends a chat action for them).
 */
export function renderTelegram(reply: SerializableReply): TelegramOutgoing[] {
  if (reply.type === 'typing') return [];
  if (reply.type === 'text') return textMessages(reply.text, buttonRows(toButtons(reply.quickReplies)));
  if (reply.cards.length === 0) return textMessages(reply.text ?? '', buttonRows(toButtons(reply.quickReplies)));
  const photos = reply.cards.length <= MAX_PHOTO_CARDS && reply.cards.every((card) => card.imageUrl);
  return photos ? cardPhotos(reply) : cardList(reply);
}
