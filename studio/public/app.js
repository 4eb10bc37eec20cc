// The studio shell: sign-in, the top bar, navigation (templates, users, audit) and hash routing.
import { api, ApiError, rememberCsrf, templatePath, whenSignedOut } from './api.js';
import { h, mount, toast } from './dom.js';
import { renderEditor } from './editor.js';
import { initialLocale, locale, setLocale, t } from './i18n.js';
import { renderAudit, renderUsers } from './admin.js';

const state = { me: undefined, templates: [], editor: undefined };
const root = document.getElementById('app');

const can = (permission) => state.me?.permissions.includes(permission);
const keyId = (key) => `${key.bot}/${key.use}/${key.locale}`;

function route() {
  const [, view, ...rest] = location.hash.replace(/^#/, '').split('/');
  return { view: view || 'templates', rest };
}

function languageToggle() {
  return h('div.lang', { role: 'group', 'aria-label': 'Language' },
    ['ru', 'en'].map((code) => h(`button.lang-btn${code === locale() ? '.active' : ''}`, {
      type: 'button', 'aria-pressed': String(code === locale()),
      onclick: () => { setLocale(code); render(); },
    }, code.toUpperCase())));
}

function brand() {
  return h('div.brand', {}, h('span.logo', { 'aria-hidden': 'true' }, 'С'), h('div', {}, h('div.brand-name', {}, 'Sovetnik'), h('div.brand-sub', {}, t('product'))));
}

function renderLogin(message) {
  const error = h('p.form-error', { role: 'alert', hidden: !message }, message ?? '');
  const username = h('input', { name: 'username', id: 'login-username', autocomplete: 'username', required: true, maxLength: 64 });
  const password = h('input', { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true, maxLength: 200 });
  const submit = h('button.btn.primary.wide', { type: 'submit' }, t('login.submit'));
  const form = h('form.login-card', {
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const me = await api('POST', '/login', { username: username.value, password: password.value });
        signedIn(me);
      } catch (e) {
        error.hidden = false;
        error.textContent = e instanceof ApiError && e.status === 429 ? t('login.throttled', { s: e.retryAfter ?? 60 }) : t('login.failed');
        password.value = '';
        password.focus();
      } finally {
        submit.disabled = false;
      }
    },
  },
  brand(),
  h('h1', {}, t('login.title')),
  h('p.muted', {}, t('tagline')),
  h('label', { htmlFor: 'login-username' }, t('login.username')), username,
  h('label', { htmlFor: 'login-password' }, t('login.password')), password,
  error, submit);
  mount(root, h('div.login-page', {}, h('div.login-top', {}, languageToggle()), form));
  document.body.dataset.view = 'login';
  username.focus();
}

function signedIn(me) {
  state.me = me;
  rememberCsrf(me.csrfToken);
  render();
}

function topBar() {
  const { user } = state.me;
  return h('header.topbar', {},
    brand(),
    h('nav.tabs-main', { 'aria-label': 'Studio' },
      navLink('templates', t('nav.templates')),
      can('manage_users') && navLink('users', t('nav.users')),
      can('read_audit') && navLink('audit', t('nav.audit'))),
    h('div.topbar-right', {},
      languageToggle(),
      h('span.user-chip', { title: user.username }, h('span.avatar', {}, user.username.slice(0, 1).toUpperCase()),
        h('span', {}, user.username), h(`span.role.role-${user.role}`, {}, t(`role.${user.role}`))),
      h('button.btn.ghost', { type: 'button', onclick: logout }, t('logout'))));
}

function navLink(view, label) {
  const active = route().view === view || (view === 'templates' && route().view === 't');
  return h(`a.nav-link${active ? '.active' : ''}`, { href: `#/${view}`, 'aria-current': active ? 'page' : undefined }, label);
}

async function logout() {
  if (state.editor?.dirty() && !confirm(t('msg.leave'))) return;
  await api('POST', '/logout').catch(() => {});
  state.me = undefined;
  renderLogin();
}

function statusPill(status, version) {
  const label = status === 'published' ? `${t('status.published')} · v${version}` : t(`status.${status}`);
  return h(`span.pill.pill-${status}`, {}, label);
}

function templateList(selected) {
  const groups = new Map();
  for (const item of state.templates) {
    const group = `${item.key.bot} · ${item.key.use}`;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(item);
  }
  if (groups.size === 0) return h('p.muted.pad', {}, t('list.empty'));
  return h('nav.template-list', { 'aria-label': t('nav.templates') }, [...groups].map(([group, items]) => h('section.tgroup', {},
    h('h3.tgroup-title', {}, group),
    items.map((item) => h(`a.titem${selected === keyId(item.key) ? '.active' : ''}`, { href: `#/t/${keyId(item.key)}`, dataset: { key: keyId(item.key) } },
      h('span.locale-badge', {}, item.key.locale.toUpperCase()),
      h('span.titem-name', {}, item.key.use),
      statusPill(item.status, item.publishedVersion))))));
}

async function loadTemplates() {
  state.templates = (await api('GET', '/templates')).templates;
}

async function renderTemplates(rest) {
  const selected = rest.length === 3 ? rest.join('/') : undefined;
  const main = h('section.workspace', {});
  mount(root, topBar(), h('div.layout', {}, h('aside.sidebar', {}, templateList(selected)), main));
  if (!selected) {
    mount(main, h('div.empty-state', {}, h('div.empty-icon', { 'aria-hidden': 'true' }, '✎'), h('p', {}, t('list.pick'))));
    return;
  }
  const [bot, use, loc] = rest;
  const detail = await api('GET', templatePath({ bot, use, locale: loc }));
  state.editor = renderEditor(main, {
    detail, me: state.me,
    onChanged: async () => {
      await loadTemplates();
      const list = root.querySelector('.sidebar');
      if (list) mount(list, templateList(selected));
    },
  });
}

async function render() {
  if (!state.me) return renderLogin();
  const { view, rest } = route();
  document.body.dataset.view = view;
  try {
    if (view === 'users' && can('manage_users')) {
      state.editor = undefined;
      mount(root, topBar(), h('div.page', {}, await renderUsers()));
    } else if (view === 'audit' && can('read_audit')) {
      state.editor = undefined;
      mount(root, topBar(), h('div.page', {}, await renderAudit()));
    } else {
      await loadTemplates();
      await renderTemplates(view === 't' ? rest : []);
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    toast(t('msg.error', { m: error.message }), 'error');
  }
}

let lastHash = location.hash;
window.addEventListener('hashchange', () => {
  if (state.editor?.dirty() && !confirm(t('msg.leave'))) {
    history.replaceState(null, '', lastHash || '#/templates');
    return;
  }
  lastHash = location.hash;
  void render();
});
window.addEventListener('beforeunload', (event) => {
  if (state.editor?.dirty()) event.preventDefault();
});

whenSignedOut(() => {
  state.me = undefined;
  renderLogin();
});

async function start() {
  setLocale(initialLocale());
  try {
    signedIn(await api('GET', '/me'));
  } catch {
    renderLogin();
  }
  document.body.dataset.ready = 'true';
}

void start();
