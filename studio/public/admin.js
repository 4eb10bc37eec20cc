// Admin views: studio users (create, change role, disable) and the audit log.
import { api } from './api.js';
import { h, mount, toast } from './dom.js';
import { t, when } from './i18n.js';

const ROLES = ['viewer', 'editor', 'publisher', 'admin'];

function roleSelect(user, onChange) {
  return h('select', { 'aria-label': t('users.role'), onchange: (e) => onChange(e.target.value) },
    ROLES.map((r) => h('option', { value: r, selected: r === user.role }, t(`role.${r}`))));
}

/** The users page. */
export async function renderUsers() {
  const box = h('div.users');
  async function update(username, patch) {
    try {
      await api('PATCH', `/users/${encodeURIComponent(username)}`, patch);
      toast(t('users.updated.ok', { u: username }));
    } catch (error) {
      toast(t('msg.error', { m: error.message }), 'error');
    }
    await draw();
  }
  async function draw() {
    const { users } = await api('GET', '/users');
    const username = h('input', { id: 'new-username', autocomplete: 'off', required: true, placeholder: 'anna.k' });
    const password = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minLength: 12 });
    const role = h('select', { id: 'new-role' }, ROLES.map((r) => h('option', { value: r, selected: r === 'editor' }, t(`role.${r}`))));
    const form = h('form.inline-form', {
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await api('POST', '/users', { username: username.value, password: password.value, role: role.value });
          toast(t('users.created.ok', { u: username.value }));
          await draw();
        } catch (error) {
          toast(t('msg.error', { m: error.message }), 'error');
        }
      },
    },
    h('label', { htmlFor: 'new-username' }, t('users.username'), username),
    h('label', { htmlFor: 'new-password' }, t('users.password'), password),
    h('label', { htmlFor: 'new-role' }, t('users.role'), role),
    h('button.btn.primary', { type: 'submit' }, t('btn.add')));
    mount(box,
      h('h1.page-title', {}, t('nav.users')),
      h('section.panel', {}, h('table.table', {},
        h('thead', {}, h('tr', {}, ['users.username', 'users.role', 'users.status', 'users.created'].map((k) => h('th', {}, t(k))), h('th'))),
        h('tbody', {}, users.map((u) => h('tr', { dataset: { user: u.username } },
          h('td', {}, h('span.avatar.small', {}, u.username[0].toUpperCase()), ' ', u.username),
          h('td', {}, roleSelect(u, (r) => update(u.username, { role: r }))),
          h('td', {}, h(`span.pill.${u.disabled ? 'pill-draft' : 'pill-published'}`, {}, t(u.disabled ? 'users.disabled' : 'users.active'))),
          h('td', {}, when(u.createdAt), h('div.muted.small', {}, u.createdBy)),
          h('td.right', {}, h('button.btn.small.ghost', { type: 'button', onclick: () => update(u.username, { disabled: !u.disabled }) }, t(u.disabled ? 'users.enable' : 'users.disable')))))))),
      h('section.panel', {}, h('h2.panel-title', {}, t('users.new')), form));
  }
  await draw();
  return box;
}

function details(entry) {
  const d = entry.details ?? {};
  return Object.entries(d).map(([k, v]) => `${k}: ${typeof v === 'object' ? `${v.from} → ${v.to}` : v}`).join(', ');
}

const short = (hash) => (hash ? hash.replace('sha256:', '').slice(0, 8) : '—');

/** The audit log page, newest first, paged. */
export async function renderAudit() {
  const body = h('tbody');
  const more = h('button.btn.secondary', { type: 'button' }, t('btn.more'));
  let before;
  async function page() {
    const query = before ? `?limit=50&before=${before}` : '?limit=50';
    const { entries } = await api('GET', `/audit${query}`);
    for (const e of entries) {
      body.append(h(`tr.audit-${e.action}`, {},
        h('td.nowrap', {}, when(e.at)),
        h('td', {}, e.actor),
        h('td', {}, h(`span.action.action-${e.action}`, {}, t(`action.${e.action}`))),
        h('td', {}, h('code', {}, e.target)),
        h('td.small', {}, details(e)),
        h('td.nowrap', {}, h('code.hash', { title: `${e.beforeHash ?? ''} → ${e.afterHash ?? ''}` }, `${short(e.beforeHash)} → ${short(e.afterHash)}`))));
    }
    before = entries.at(-1)?.id;
    more.hidden = entries.length < 50;
    if (!body.children.length) body.append(h('tr', {}, h('td', { colSpan: 6 }, t('audit.empty'))));
  }
  more.addEventListener('click', () => void page());
  await page();
  return h('div.audit', {},
    h('h1.page-title', {}, t('nav.audit')),
    h('section.panel', {}, h('table.table', {},
      h('thead', {}, h('tr', {}, ['audit.when', 'audit.who', 'audit.action', 'audit.target', 'audit.details', 'audit.hashes'].map((k) => h('th', {}, t(k))))),
      body), h('div.pad.center', {}, more)));
}
