// The Sovetnik web chat widget: vanilla JS modules, no build step.
// Talks to POST /api/v1/web/session and POST /api/v1/web/messages (server-sent events).
import { renderCards } from './cards.js';

const STORAGE_KEY = 'sovetnik.widget';
const LOCALES = ['ru', 'en'];

const els = {
  messages: document.getElementById('messages'),
  chat: document.querySelector('.chat'),
  welcome: document.getElementById('welcome'),
  suggestions: document.getElementById('suggestions'),
  typing: document.getElementById('typing'),
  form: document.getElementById('composer'),
  input: document.getElementById('input'),
  send: document.getElementById('send'),
  langToggle: document.getElementById('lang-toggle'),
  newChat: document.getElementById('new-chat'),
};

const saved = readSaved();
const state = {
  locale: LOCALES.includes(saved.locale) ? saved.locale : guessLocale(),
  // Only a language the shopper picked with the toggle is sent; a guessed one lets the text decide.
  localeChosen: saved.localeChosen === true,
  token: saved.token,
  expiresAt: saved.expiresAt,
  conversationId: saved.conversationId,
  strings: {},
  busy: false,
};

function readSaved() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) || '{}') || {};
  } catch {
    return {};
  }
}

function save() {
  const { locale, localeChosen, token, expiresAt, conversationId } = state;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ locale, localeChosen, token, expiresAt, conversationId }));
  } catch {
    // Private mode: the chat still works for this page view.
  }
}

function guessLocale() {
  const lang = (navigator.language || 'ru').toLowerCase();
  return lang.startsWith('en') ? 'en' : 'ru';
}

// ---- UI strings (from locales/<lng>/web.json, served by the adapter) ----

const stringCache = {};

async function loadStrings(locale) {
  if (!stringCache[locale]) {
    const response = await fetch(`/widget/i18n/${locale}.json`);
    stringCache[locale] = response.ok ? await response.json() : {};
  }
  return stringCache[locale];
}

function t(key, vars) {
  const value = key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), state.strings);
  if (typeof value !== 'string') return key;
  return value.replace(/\{\{(\w+)\}\}/g, (_, name) => (vars && name in vars ? String(vars[name]) : ''));
}

function applyStrings() {
  document.documentElement.lang = state.locale;
  document.title = t('page_title');
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.querySelectorAll('[data-i18n-aria]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAria)); });
  els.langToggle.querySelectorAll('button').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.locale === state.locale));
  });
  renderSuggestions();
}

function renderSuggestions() {
  els.suggestions.replaceChildren();
  const suggestions = Array.isArray(state.strings.suggestions) ? state.strings.suggestions : [];
  for (const text of suggestions) {
    els.suggestions.append(button(text, () => send({ text }, text)));
  }
}

async function setLocale(locale) {
  state.locale = locale;
  state.strings = await loadStrings(locale);
  save();
  applyStrings();
}

// ---- Rendering ----

function button(title, onClick, className = 'quick-reply') {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = className;
  el.textContent = title;
  el.addEventListener('click', onClick);
  return el;
}

function scrollDown() {
  els.chat.scrollTop = els.chat.scrollHeight;
}

function addMessage(role, text) {
  els.welcome.hidden = true;
  const item = document.createElement('li');
  item.className = `message ${role}`;
  const who = document.createElement('span');
  who.className = 'visually-hidden';
  who.textContent = `${t(role === 'user' ? 'you' : 'assistant')}: `;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  bubble.append(who, document.createTextNode(text || ''));
  item.append(bubble);
  els.messages.append(item);
  scrollDown();
  return item;
}

function setBubbleText(item, text) {
  const bubble = item.querySelector('.bubble');
  const who = bubble.firstChild;
  bubble.replaceChildren(who, document.createTextNode(text));
}

function clearQuickReplies() {
  els.messages.querySelectorAll('.message > .quick-replies').forEach((el) => el.remove());
}

function renderQuickReplies(item, quickReplies) {
  if (!Array.isArray(quickReplies) || quickReplies.length === 0) return;
  const row = document.createElement('div');
  row.className = 'quick-replies';
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', t('quick_replies_label'));
  for (const reply of quickReplies) {
    row.append(button(reply.title, () => send({ action: { payload: reply.payload } }, reply.title)));
  }
  item.append(row);
}

function renderReply(reply, streamingItem) {
  if (reply.type !== 'text' && reply.type !== 'cards') return;
  let item = streamingItem;
  if (item) {
    item.classList.remove('streaming');
    setBubbleText(item, reply.text || '');
  } else {
    item = addMessage('bot', reply.text || '');
  }
  if (!reply.text) item.querySelector('.bubble').hidden = true;
  if (reply.type === 'cards' && Array.isArray(reply.cards)) {
    const ui = { t, locale: state.locale, button };
    item.append(renderCards(reply.cards, ui, (payload, title) => send({ action: { payload } }, title)));
  }
  renderQuickReplies(item, reply.quickReplies);
  scrollDown();
}

function showTyping(on) {
  els.typing.hidden = !on;
  if (on) scrollDown();
}

function setBusy(on) {
  state.busy = on;
  els.send.disabled = on;
  els.messages.querySelectorAll('.quick-reply').forEach((el) => { el.disabled = on; });
}

// ---- Server ----

async function ensureSession(force) {
  const fresh = state.token && state.expiresAt && Date.parse(state.expiresAt) - Date.now() > 60_000;
  if (fresh && !force) return;
  const response = await fetch('/api/v1/web/session', { method: 'POST' });
  if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
  const session = await response.json();
  state.token = session.token;
  state.expiresAt = session.expiresAt;
  save();
}

function postMessage(body) {
  return fetch('/api/v1/web/messages', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${state.token}`,
    },
    body: JSON.stringify(body),
  });
}

/** Parses a server-sent events body as it arrives, calling onEvent(name, data) for each event. */
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      let name = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trim();
      }
      if (data) onEvent(name, JSON.parse(data));
    }
  }
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    return body.error && body.error.message ? body.error.message : `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

async function send(message, display) {
  if (state.busy) return;
  const shown = display || message.text;
  if (!shown || !shown.trim()) return;
  clearQuickReplies();
  addMessage('user', shown);
  setBusy(true);
  showTyping(true);
  const body = state.localeChosen ? { ...message, locale: state.locale } : { ...message };
  if (state.conversationId) body.conversationId = state.conversationId;
  try {
    await ensureSession(false);
    let response = await postMessage(body);
    if (response.status === 401 || response.status === 403) {
      // The server restarted with a new secret or the token expired: get a new one once.
      await ensureSession(true);
      response = await postMessage(body);
    }
    if (!response.ok) {
      addMessage('error', t('error_generic', { message: await errorMessage(response) }));
      return;
    }
    let streaming = null;
    await readEvents(response, (name, data) => {
      if (name === 'delta') {
        showTyping(false);
        if (!streaming) {
          streaming = addMessage('bot', '');
          streaming.classList.add('streaming');
        }
        streaming.streamedText = (streaming.streamedText || '') + data.text;
        setBubbleText(streaming, streaming.streamedText);
        scrollDown();
      } else if (name === 'reply') {
        showTyping(false);
        renderReply(data, streaming);
        streaming = null;
      } else if (name === 'error') {
        addMessage('error', t('error_generic', { message: data.error ? data.error.message : '' }));
      } else if (name === 'done') {
        state.conversationId = data.conversationId;
        save();
        // The UI speaks the conversation's language, also after a switch made by text ("switch to English");
        // a language picked with the toggle then follows the switch, so later messages do not undo it.
        if (LOCALES.includes(data.locale) && data.locale !== state.locale) void setLocale(data.locale);
      }
    });
  } catch (error) {
    addMessage('error', error instanceof TypeError ? t('error_network') : t('error_generic', { message: error.message }));
  } finally {
    showTyping(false);
    setBusy(false);
    els.input.focus();
  }
}

// ---- Wiring ----

function autoGrow() {
  els.input.style.height = 'auto';
  els.input.style.height = `${Math.min(els.input.scrollHeight, 140)}px`;
}

els.form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = els.input.value.trim();
  if (!text || state.busy) return;
  els.input.value = '';
  autoGrow();
  void send({ text });
});
els.input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    els.form.requestSubmit();
  }
});
els.input.addEventListener('input', autoGrow);
els.langToggle.addEventListener('click', (event) => {
  const target = event.target.closest('button[data-locale]');
  if (!target) return;
  state.localeChosen = true;
  void setLocale(target.dataset.locale);
});
els.newChat.addEventListener('click', () => {
  state.conversationId = undefined;
  save();
  els.messages.replaceChildren();
  els.welcome.hidden = false;
  els.input.focus();
});

void setLocale(state.locale).then(() => {
  document.body.dataset.ready = 'true';
});
