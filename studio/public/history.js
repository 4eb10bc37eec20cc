// Version history: every published version (v0 is the shipped file), a word diff between any two, rollback.
import { api } from './api.js';
import { h, mount } from './dom.js';
import { t, when } from './i18n.js';

function renderParts(parts) {
  return h('pre.diff', {}, parts.map((p) => (p.op === 'equal' ? p.text : h(p.op === 'insert' ? 'ins' : 'del', {}, p.text))));
}

/** The history tab; `refresh(detail)` redraws it after a change. */
export function renderHistory({ detail: initial, may, path, onRollback }) {
  let detail = initial;
  const element = h('div.history');
  const diffBox = h('div.diff-box', { id: 'diff-output' });

  function refs() {
    const list = detail.versions.map((v) => ({ value: String(v.version), label: `v${v.version}` }));
    list.unshift({ value: '0', label: 'v0' });
    if (detail.draft) list.push({ value: 'draft', label: t('diff.draft') });
    return list;
  }

  function select(id, chosen) {
    return h('select', { id }, refs().map((r) => h('option', { value: r.value, selected: r.value === chosen }, r.label)));
  }

  async function compare(from, to) {
    const diff = await api('GET', `${path}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    if (!diff.changed) return mount(diffBox, h('p.muted', {}, t('diff.same')));
    mount(diffBox,
      h('h3', {}, t('field.system')), renderParts(diff.system),
      h('h3', {}, t('field.user')), renderParts(diff.user));
  }

  function row(version) {
    const latest = detail.published?.version ?? 0;
    const source = version.version === 0 ? t('history.shipped') : version.source === 'rollback' ? t('history.rollback', { n: version.restoredFrom }) : t('history.publish');
    return h(`tr${version.version === latest ? '.current' : ''}`, {},
      h('td', {}, h('strong', {}, `v${version.version}`), version.version === latest && h('span.pill.pill-published.tiny', {}, 'live')),
      h('td', {}, version.publishedBy),
      h('td', {}, version.version === 0 ? '—' : when(version.publishedAt)),
      h('td', {}, source),
      h('td.right', {}, may('rollback') && version.version !== latest
        ? h('button.btn.small.ghost', { type: 'button', dataset: { rollback: version.version }, onclick: () => onRollback(version.version) }, t('btn.rollback'))
        : ''));
  }

  function refresh(next) {
    detail = next;
    const versions = [...detail.versions].reverse();
    versions.push({ version: 0, publishedBy: 'shipped', publishedAt: '', source: 'publish' });
    const last = detail.versions.at(-1)?.version ?? 0;
    const from = select('diff-from', String(detail.draft ? last : Math.max(0, last - 1)));
    const to = select('diff-to', detail.draft ? 'draft' : String(last));
    mount(element,
      h('section.panel', {},
        h('table.table', {},
          h('thead', {}, h('tr', {}, ['history.version', 'history.by', 'history.when', 'history.source'].map((k) => h('th', {}, t(k))), h('th'))),
          h('tbody', {}, versions.map(row))),
        detail.versions.length === 0 && h('p.muted.pad', {}, t('history.empty'))),
      h('section.panel', {},
        h('div.panel-row', {},
          h('label.inline', {}, t('diff.from'), from),
          h('span.arrow', {}, '→'),
          h('label.inline', {}, t('diff.to'), to),
          h('button.btn.secondary', { type: 'button', id: 'compare', onclick: () => compare(from.value, to.value) }, t('btn.diff'))),
        diffBox));
    if (from.value !== to.value) void compare(from.value, to.value).catch(() => {});
    else mount(diffBox);
  }

  refresh(detail);
  return { element, refresh };
}
