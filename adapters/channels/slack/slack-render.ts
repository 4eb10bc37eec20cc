import type { CardsReply, ProductCard, QuickReply, SerializableReply } from '../../../core/reply.ts';
import { cardPrice, cardSummary, serviceLabel, splitText } from '../../http/reply-text.ts';

/** A Block Kit block, as sent to chat.postMessage / chat.update. */
export type SlackBlock = Record<string, unknown>;

/** One Slack message: Block Kit blocks and the plain text notifications and screen readers use. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's limits: a section's text, a message's blocks, an actions block's elements, a button's title and value. */
export const SLACK_SECTION_MAX = 3000;
const MAX_BLOCKS = 50;
const MAX_ACTIONS = 25;
const MAX_BUTTON_TITLE = 75;
const MAX_BUTTON_VALUE = 2000;
/** The cards shown in one message; each takes a section and an actions block. */
const MAX_CARDS = 10;
/** The longest fallback text sent (Slack truncates at 40 000). */
const MAX_FALLBACK = 4000;

/** Escapes the three characters Slack's mrkdwn reserves. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const sections = (text: string): SlackBlock[] =>
  splitText(escapeMrkdwn(text), SLACK_SECTION_MAX).map((part) => ({ type: 'section', text: { type: 'mrkdwn', text: part } }));

function button(reply: QuickReply, actionId: string): SlackBlock {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: reply.title.slice(0, MAX_BUTTON_TITLE) || '…', emoji: true },
    value: reply.payload.slice(0, MAX_BUTTON_VALUE),
  };
}

/** Buttons in one actions block; action ids must be unique within a message, so they carry the block id. */
function actions(replies: readonly QuickReply[] | undefined, blockId: string): SlackBlock[] {
  if (!replies || replies.length === 0) return [];
  const elements = replies.slice(0, MAX_ACTIONS).map((r, i) => button(r, `${blockId}-${i}`));
  return [{ type: 'actions', block_id: blockId, elements }];
}

function cardBlocks(card: ProductCard, n: number): SlackBlock[] {
  const text = `*${n}. ${escapeMrkdwn(card.title)}*${card.reason ? `\n${escapeMrkdwn(card.reason)}` : ''}`;
  const section: SlackBlock = {
    type: 'section',
    block_id: `card-${n}`,
    text: { type: 'mrkdwn', text: text.slice(0, SLACK_SECTION_MAX) },
    fields: [
      { type: 'mrkdwn', text: `*${escapeMrkdwn(cardPrice(card))}*` },
      { type: 'mrkdwn', text: escapeMrkdwn(serviceLabel(card.service)) },
    ],
  };
  if (card.imageUrl) section.accessory = { type: 'image', image_url: card.imageUrl, alt_text: card.title.slice(0, 2000) || 'product' };
  return [section, ...actions(card.actions, `card-${n}-actions`)];
}

function cardsMessage(reply: CardsReply): SlackMessage {
  const cards = reply.cards.slice(0, MAX_CARDS);
  const blocks = [
    ...(reply.text ? sections(reply.text) : []),
    ...cards.flatMap((card, i) => [...(i > 0 ? [{ type: 'divider' }] : []), ...cardBlocks(card, i + 1)]),
    ...actions(reply.quickReplies, 'quick-replies'),
  ];
  const fallback = [reply.text, ...cards.map((card, i) => `${i + 1}. ${cardSummary(card)}`)].filter(Boolean).join('\n');
  return { text: fallback.slice(0, MAX_FALLBACK), blocks: fitBlocks(blocks) };
}

/** Keeps a message within Slack's block limit, keeping the last block (the quick replies) when it is one. */
function fitBlocks(blocks: SlackBlock[]): SlackBlock[] {
  if (blocks.length <= MAX_BLOCKS) return blocks;
  const last = blocks.at(-1);
  const keepLast = last?.type === 'actions' && last.block_id === 'quick-replies';
  return keepLast ? [...blocks.slice(0, MAX_BLOCKS - 1), last] : blocks.slice(0, MAX_BLOCKS);
}

/**
 * Renders a settled reply as one Slack message: sections of mrkdwn text and actions blocks of buttons
 * for quick replies; each card as a section with its price and service as fields, its picture as an
 * accessory and its own buttons. Typing has no Slack equivalent for bots and renders as nothing.
 */
export function renderSlack(reply: SerializableReply): SlackMessage | undefined {
  if (reply.type === 'typing') return undefined;
  if (reply.type === 'cards' && reply.cards.length > 0) return cardsMessage(reply);
  const text = reply.text ?? '';
  const blocks = fitBlocks([...sections(text), ...actions(reply.quickReplies, 'quick-replies')]);
  if (blocks.length === 0) return undefined;
  return { text: text.slice(0, MAX_FALLBACK) || '…', blocks };
}

/**
 * The message without its card pictures, or undefined when it has none. Slack downloads every picture
 * before it posts and refuses the whole message (`invalid_blocks`) when one cannot be fetched.
 */
export function withoutImages(message: SlackMessage): SlackMessage | undefined {
  let found = false;
  const blocks = message.blocks.map((block) => {
    const accessory = block.accessory as { type?: string } | undefined;
    if (accessory?.type !== 'image') return block;
    found = true;
    const { accessory: _dropped, ...rest } = block;
    return rest;
  });
  return found ? { text: message.text, blocks } : undefined;
}
