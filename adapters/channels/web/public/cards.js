// Product cards of the web widget: a row of cards, each with its picture, service, title, price, reason and buttons;
// a cart line (a card with a quantity) shows its quantity and sum instead of a reason.
import { cardVisual } from './card-visual.js';

/** Roubles the way the UI language writes digits, with the ₽ sign after them as the assistant's own text has it. */
export function formatPrice(price, locale) {
  const digits = Number.isInteger(price) ? 0 : 2;
  try {
    const amount = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ru-RU', {
      minimumFractionDigits: digits, maximumFractionDigits: digits,
    }).format(price);
    return `${amount}\u00a0₽`;
  } catch {
    return `${price} ₽`;
  }
}

function text(tag, className, content) {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = content;
  return el;
}

const isCartLine = (card) => Number.isFinite(card.quantity) && card.quantity > 0;

/** The price of one, or for a cart line `2 × 89 ₽ = 178 ₽`. */
function priceLine(card, ui) {
  const price = formatPrice(card.price, ui.locale);
  if (!isCartLine(card)) {
    const el = text('p', 'card-price', price);
    el.setAttribute('aria-label', `${ui.t('price_label')}: ${price}`);
    return el;
  }
  const vars = { quantity: card.quantity, price, sum: formatPrice(Math.round(card.price * card.quantity * 100) / 100, ui.locale) };
  const el = text('p', 'card-price card-line', ui.t('cart_line', vars));
  el.setAttribute('aria-label', ui.t('cart_line_label', vars));
  return el;
}

/**
 * One card. `ui` is `{ t, locale, button(title, onClick, className) }`; `onAction(payload, title)` sends a button.
 */
function renderCard(card, ui, onAction) {
  const el = document.createElement('article');
  el.className = 'card';
  el.setAttribute('role', 'listitem');
  const media = document.createElement('div');
  media.className = 'card-media';
  if (card.imageUrl && /^https?:\/\//.test(card.imageUrl)) {
    const img = document.createElement('img');
    img.src = card.imageUrl;
    img.alt = card.title;
    img.loading = 'lazy';
    media.append(img);
  } else {
    media.append(cardVisual(card, (kind) => ui.t(`kinds.${kind}`)));
  }
  // The badge sits on the picture; its text is read as part of the card.
  media.append(text('span', `badge ${card.service}`, ui.t(`services.${card.service}`)));
  const title = text('h3', 'card-title', card.title);
  // Long titles are clamped to three lines on screen; the whole title stays in the text and in the tooltip.
  title.title = card.title;
  el.append(media, title, priceLine(card, ui));
  // A cart line says its quantity and sum instead of a reason: it is in the cart, not suggested.
  if (card.reason && !isCartLine(card)) el.append(text('p', 'card-reason', `${ui.t('reason')}: ${card.reason}`));
  if (Array.isArray(card.actions) && card.actions.length > 0) {
    const actions = document.createElement('div');
    actions.className = 'card-actions';
    for (const action of card.actions) {
      actions.append(ui.button(action.title, () => onAction(action.payload, action.title)));
    }
    el.append(actions);
  }
  return el;
}

/** The cards of a reply as a labelled list. */
export function renderCards(cards, ui, onAction) {
  const list = document.createElement('div');
  list.className = 'cards';
  list.setAttribute('role', 'list');
  list.setAttribute('aria-label', ui.t('cards_label'));
  for (const card of cards) list.append(renderCard(card, ui, onAction));
  return list;
}
