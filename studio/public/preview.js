// The preview panel: sample values for every variable, the rendered messages and the answer a shopper would get.
import { api, ApiError } from './api.js';
import { h, mount, toast } from './dom.js';
import { t } from './i18n.js';

function input(name, spec, sample) {
  const id = `var-${name}`;
  const value = Array.isArray(sample) ? sample.join('\n') : sample === undefined ? '' : String(sample);
  const control = spec.type === 'list'
    ? h('textarea.sample', { id, rows: 3, value, dataset: { var: name, type: spec.type } })
    : h('input.sample', { id, type: spec.type === 'number' ? 'number' : 'text', value, dataset: { var: name, type: spec.type } });
  return h('div.sample-field', {}, h('label', { htmlFor: id }, h('code', {}, name), spec.required && h('span.var-req', {}, t('vars.required'))), control);
}

function readVariables(form) {
  const variables = {};
  for (const el of form.querySelectorAll('[data-var]')) {
    const raw = el.value;
    if (raw.trim() === '') continue;
    if (el.dataset.type === 'list') variables[el.dataset.var] = raw.split('\n').map((s) => s.trim()).filter(Boolean);
    else if (el.dataset.type === 'number') variables[el.dataset.var] = Number(raw);
    else variables[el.dataset.var] = raw;
  }
  return variables;
}

function answerBadge(answer) {
  if (answer.source === 'llm') return h('span.pill.pill-published', {}, t('preview.llm', { model: answer.model, ms: answer.ms ?? '?' }));
  return h('span.pill.pill-shipped', {}, answer.error ? t('preview.fallbackError', { error: answer.error }) : t('preview.fallback'));
}

/** The preview section of the editor; runs against the current (unsaved) texts. */
export function renderPreview({ detail, texts, issues, may, path }) {
  const { shipped, samples } = detail();
  const form = h('div.sample-grid', {}, Object.entries(shipped.variables).map(([name, spec]) => input(name, spec, samples[name])));
  const output = h('div.preview-output', { id: 'preview-output' });
  const run = h('button.btn.secondary', {
    type: 'button', id: 'run-preview', disabled: !may('preview'),
    onclick: async () => {
      run.disabled = true;
      run.classList.add('busy');
      try {
        const body = issues().length === 0 ? { ...texts(), variables: readVariables(form) } : { variables: readVariables(form) };
        const result = await api('POST', `${path}/preview`, body);
        mount(output,
          h('div.preview-col', {}, h('h3', {}, t('preview.messages')),
            result.messages.map((m) => h('div.msg', {}, h('span.msg-role', {}, m.role), h('pre.msg-text', {}, m.content)))),
          h('div.preview-col', {}, h('h3', {}, t('preview.answer')), answerBadge(result.answer),
            h('div.bubble', { id: 'preview-answer' }, result.answer.text)));
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) toast(t('msg.error', { m: error.message }), 'error');
      } finally {
        run.disabled = !may('preview');
        run.classList.remove('busy');
      }
    },
  }, t('btn.preview'));
  return h('section.panel.preview', {},
    h('div.panel-row', {}, h('h2.panel-title', {}, t('preview.title')), run),
    h('p.hint', {}, t('preview.hint')),
    form, output);
}
