// The template editor: system and user texts, the declared variables, live validation, save / discard / publish.
import { api, ApiError, templatePath } from './api.js';
import { debounce, h, mount, toast } from './dom.js';
import { renderHistory } from './history.js';
import { t, when } from './i18n.js';
import { renderPreview } from './preview.js';

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;
const used = (text) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];

/**
 * Renders the editor for one template into `container`. Returns `{ dirty() }` so the shell can warn before
 * leaving with unsaved changes.
 */
export function renderEditor(container, { detail: initial, me, onChanged }) {
  let detail = initial;
  let saved = { ...detail.working };
  let issues = [];
  const may = (p) => me.permissions.includes(p);
  const path = templatePath(detail.key);

  const fields = {
    system: h('textarea.code', { id: 'field-system', name: 'system', rows: 8, spellcheck: false, readOnly: !may('edit'), 'aria-describedby': 'issues' }),
    user: h('textarea.code', { id: 'field-user', name: 'user', rows: 9, spellcheck: false, readOnly: !may('edit'), 'aria-describedby': 'issues' }),
  };
  fields.system.value = saved.system;
  fields.user.value = saved.user;
  let lastFocused = fields.user;
  const counters = { system: h('span.counter'), user: h('span.counter') };
  const usedRows = { system: h('div.used'), user: h('div.used') };
  const issueBox = h('div.issues', { id: 'issues', role: 'status', 'aria-live': 'polite' });
  const saveState = h('span.save-state');
  const head = h('div.editor-head');
  const conflict = h('div.banner.banner-warn', { hidden: true, role: 'alert' });
  const buttons = {
    discard: h('button.btn.ghost', { type: 'button', onclick: discard }, t('btn.discard')),
    save: h('button.btn.primary', { type: 'button', onclick: save }, t('btn.save')),
    publish: h('button.btn.accent', { type: 'button', onclick: publish }, t('btn.publish')),
  };

  const texts = () => ({ system: fields.system.value, user: fields.user.value });
  const dirty = () => texts().system !== saved.system || texts().user !== saved.user;

  function renderHead() {
    const live = detail.published ? t('meta.liveVersion', { n: detail.published.version }) : t('meta.liveShipped');
    const status = detail.draft ? 'draft' : detail.published ? 'published' : 'shipped';
    mount(head,
      h('div', {},
        h('div.crumbs', {}, `${detail.key.bot} / ${detail.key.use}`),
        h('h1.editor-title', {}, detail.key.use, h('span.locale-badge.big', {}, detail.key.locale.toUpperCase()),
          h(`span.pill.pill-${status}`, {}, status === 'published' ? `${t('status.published')} · v${detail.published.version}` : t(`status.${status}`)))),
      h('div.meta', {},
        h('span', {}, t('meta.live', { what: live })),
        h('span.dot', {}, '·'),
        h('span', { id: 'revision' }, t('meta.revision', { n: detail.revision })),
        detail.draft && h('span.dot', {}, '·'),
        detail.draft && h('span', {}, t('meta.draftBy', { who: detail.draft.savedBy, when: when(detail.draft.savedAt) }))));
  }

  function renderUsed(field) {
    const declared = detail.shipped.variables;
    const names = used(fields[field].value);
    mount(usedRows[field], h('span.used-label', {}, t('used.label')),
      names.length === 0 ? h('span.muted.small', {}, '—') : names.map((name) => h(`code.chip${name in declared ? '' : '.chip-bad'}`, {}, `{{${name}}}`)));
    counters[field].textContent = t('field.chars', { n: fields[field].value.length });
  }

  function renderIssues(pending) {
    fields.system.classList.toggle('invalid', issues.some((i) => i.field === 'system'));
    fields.user.classList.toggle('invalid', issues.some((i) => i.field === 'user'));
    if (pending) return mount(issueBox, h('p.muted', {}, t('check.running')));
    if (issues.length === 0) return mount(issueBox, h('p.ok', {}, '✓ ', t('check.ok')));
    mount(issueBox, h('ul.issue-list', {}, issues.map((issue) => h('li.issue', { dataset: { code: issue.code } }, h('span.issue-icon', { 'aria-hidden': 'true' }, '!'), issue.message))));
  }

  function renderActions() {
    const isDirty = dirty();
    saveState.textContent = isDirty ? t('check.unsaved') : t('check.saved');
    saveState.className = `save-state ${isDirty ? 'unsaved' : 'saved'}`;
    buttons.save.disabled = !isDirty || issues.length > 0;
    buttons.discard.hidden = !may('edit') || !detail.draft;
    buttons.save.hidden = !may('edit');
    buttons.publish.hidden = !may('publish');
    buttons.publish.disabled = isDirty || !detail.draft;
    buttons.publish.title = isDirty ? t('check.unsaved') : '';
  }

  const validate = debounce(async () => {
    try {
      issues = (await api('POST', `${path}/validate`, texts())).issues;
    } catch (error) {
      issues = [{ field: 'template', code: 'error', message: error.message }];
    }
    renderIssues(false);
    renderActions();
  }, 200);

  function onInput(field) {
    renderUsed(field);
    renderIssues(true);
    renderActions();
    validate();
  }

  function insertVariable(name) {
    const field = lastFocused;
    if (field.readOnly) return;
    const token = `{{${name}}}`;
    const { selectionStart: start, selectionEnd: end, value } = field;
    field.value = value.slice(0, start) + token + value.slice(end);
    field.focus();
    field.selectionStart = field.selectionEnd = start + token.length;
    onInput(field.name);
  }

  function applyDetail(next) {
    detail = next;
    saved = { ...next.working };
    renderHead();
    renderActions();
    history.refresh(next);
  }

  async function guarded(action) {
    conflict.hidden = true;
    try {
      await action();
      await onChanged();
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'concurrency_conflict' || error.status === 409)) return showConflict();
      if (error instanceof ApiError && error.status === 403) return toast(t('msg.forbidden'), 'error');
      if (error instanceof ApiError && error.status === 400) {
        issues = [{ field: 'template', code: 'server', message: error.message }];
        renderIssues(false);
      }
      if (!(error instanceof ApiError && error.status === 401)) toast(t('msg.error', { m: error.message }), 'error');
    }
  }

  function showConflict() {
    navigator.clipboard?.writeText(`${fields.system.value}\n\n---\n\n${fields.user.value}`).catch(() => {});
    mount(conflict, h('span', {}, t('msg.conflict')), h('button.btn.small', {
      type: 'button',
      onclick: async () => {
        const fresh = await api('GET', path);
        fields.system.value = fresh.working.system;
        fields.user.value = fresh.working.user;
        applyDetail(fresh);
        renderUsed('system');
        renderUsed('user');
        conflict.hidden = true;
        validate();
      },
    }, t('btn.reload')));
    conflict.hidden = false;
  }

  async function save() {
    await guarded(async () => {
      applyDetail(await api('PUT', `${path}/draft`, { ...texts(), expectedRevision: detail.revision }));
      toast(t('msg.saved'));
    });
  }

  async function discard() {
    if (!confirm(t('msg.confirmDiscard'))) return;
    await guarded(async () => {
      const next = await api('POST', `${path}/discard`, { expectedRevision: detail.revision });
      fields.system.value = next.working.system;
      fields.user.value = next.working.user;
      applyDetail(next);
      renderUsed('system');
      renderUsed('user');
      toast(t('msg.discarded'));
    });
  }

  async function publish() {
    if (!confirm(t('msg.confirmPublish'))) return;
    await guarded(async () => {
      const version = await api('POST', `${path}/publish`, { expectedRevision: detail.revision });
      applyDetail(await api('GET', path));
      toast(t('msg.published', { n: version.version }));
    });
  }

  async function rollback(version) {
    if (!confirm(t('msg.confirmRollback', { n: version }))) return;
    await guarded(async () => {
      const created = await api('POST', `${path}/rollback`, { version, expectedRevision: detail.revision });
      applyDetail(await api('GET', path));
      toast(t('msg.rolledBack', { n: created.version, from: `v${version}` }));
    });
  }

  for (const field of ['system', 'user']) {
    fields[field].addEventListener('input', () => onInput(field));
    fields[field].addEventListener('focus', () => { lastFocused = fields[field]; });
  }

  const variables = h('section.panel', {},
    h('h2.panel-title', {}, t('vars.title')),
    may('edit') && h('p.hint', {}, t('vars.hint')),
    h('ul.var-list', {}, Object.entries(detail.shipped.variables).map(([name, spec]) => h('li.var', {},
      h('button.var-name', { type: 'button', title: `{{${name}}}`, onclick: () => insertVariable(name), disabled: !may('edit') }, `{{${name}}}`),
      h('span.var-type', {}, t(`type.${spec.type}`)),
      spec.required && h('span.var-req', {}, t('vars.required')),
      h('p.var-desc', {}, spec.description)))));

  const field = (name, label) => h('div.field', {},
    h('div.field-head', {}, h('label', { htmlFor: `field-${name}` }, label), counters[name]),
    fields[name], usedRows[name]);

  const editorTab = h('div.tab-panel', { id: 'panel-editor' },
    h('div.editor-grid', {},
      h('div.editor-main', {}, field('system', t('field.system')), field('user', t('field.user'))),
      h('div.editor-side', {}, variables, h('section.panel', {}, h('h2.panel-title', {}, t('check.title')), issueBox))),
    renderPreview({ detail: () => detail, texts, issues: () => issues, may, path }));
  const history = renderHistory({ detail, may, path, onRollback: rollback });
  const historyTab = h('div.tab-panel', { id: 'panel-history', hidden: true }, history.element);

  const tabButton = (id, label, panel, other) => h('button.tab', {
    type: 'button', role: 'tab', id: `tab-${id}`, 'aria-selected': String(id === 'editor'),
    onclick: (event) => {
      panel.hidden = false;
      other.hidden = true;
      for (const b of event.currentTarget.parentElement.children) b.setAttribute('aria-selected', String(b === event.currentTarget));
      if (id === 'history') history.refresh(detail);
    },
  }, label);

  mount(container,
    head, conflict,
    h('div.tabs', { role: 'tablist' }, tabButton('editor', t('tab.editor'), editorTab, historyTab), tabButton('history', t('tab.history'), historyTab, editorTab)),
    editorTab, historyTab,
    h('footer.action-bar', {}, saveState, h('div.spacer'), buttons.discard, buttons.save, buttons.publish));

  renderHead();
  renderUsed('system');
  renderUsed('user');
  renderIssues(true);
  renderActions();
  validate();
  return { dirty };
}
