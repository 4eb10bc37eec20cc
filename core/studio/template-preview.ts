import { SovetnikError } from '../errors.ts';
import type { Locale } from '../activity.ts';
import type { ChatMessage, ChatModel } from '../llm/chat-model.ts';
import { renderPrompt, type PromptTemplate, type PromptVariable } from '../llm/prompt-template.ts';

/** Values for a preview: what the code would pass at run time. */
export type PreviewVariables = Record<string, string | number | string[]>;

/** What a preview shows: the rendered prompt, and the answer a shopper would get. */
export interface TemplatePreview {
  messages: ChatMessage[];
  /** The template answer shoppers get without an LLM (or when it fails). */
  fallback: string;
  answer: {
    text: string;
    /** `llm` when the model answered, `fallback` otherwise. */
    source: 'llm' | 'fallback';
    model?: string;
    /** Why the fallback was used although a model is configured (timeout, circuit_open, llm_failed). */
    error?: string;
    ms?: number;
  };
}

/** Options for {@link previewTemplate}. */
export interface PreviewOptions {
  template: PromptTemplate;
  variables: PreviewVariables;
  /** The resilient model (timeout + circuit breaker); undefined when no LLM is configured. */
  model?: ChatModel;
  /** The template answer; default {@link defaultPreviewFallback}. */
  fallback?: string;
  signal?: AbortSignal;
}

const SAMPLES: Record<Locale, Record<string, string | string[]>> = {
  ru: {
    request: 'что-нибудь на завтрак без лактозы до 500 рублей',
    constraints: 'без лактозы; бюджет до 500 ₽',
    items: ['Овсяное молоко 1 л — Самокат, 159 ₽ — без лактозы', 'Гранола с орехами — Купер, 289 ₽ — вы её уже заказывали'],
  },
  en: {
    request: 'something for breakfast, lactose free, under 500 roubles',
    constraints: 'lactose free; budget up to 500 RUB',
    items: ['Oat milk 1 l — Samokat, 159 RUB — lactose free', 'Granola with nuts — Kuper, 289 RUB — you ordered it before'],
  },
};

function sampleFor(name: string, spec: PromptVariable, locale: Locale): string | number | string[] {
  const known = SAMPLES[locale][name];
  if (known !== undefined) return known;
  if (spec.type === 'number') return 3;
  if (spec.type === 'list') return locale === 'ru' ? ['первый пункт', 'второй пункт'] : ['first item', 'second item'];
  return locale === 'ru' ? `пример: ${spec.description}` : `example: ${spec.description}`;
}

/** Sample values for every variable of a template, so a preview works before anyone types anything. */
export function sampleVariables(template: PromptTemplate): PreviewVariables {
  return Object.fromEntries(Object.entries(template.variables).map(([name, spec]) => [name, sampleFor(name, spec, template.locale)]));
}

/** A generic template answer: a lead-in and the listed items, as the dialogs answer without a model. */
export function defaultPreviewFallback(template: PromptTemplate, variables: PreviewVariables): string {
  const lead = template.locale === 'ru' ? 'Вот что я подобрал:' : 'Here is what I picked:';
  const list = Object.entries(template.variables).find(([, spec]) => spec.type === 'list');
  const items = list ? variables[list[0]] : undefined;
  return Array.isArray(items) && items.length > 0 ? `${lead}\n${items.map((i) => `- ${i}`).join('\n')}` : lead;
}

/**
 * Renders a template with sample variables (a missing required one is a ValidationError) and, when a model is
 * configured, asks it, exactly as the bot would: behind its timeout and circuit breaker, falling back to the
 * template answer when it fails before saying anything.
 */
export async function previewTemplate(options: PreviewOptions): Promise<TemplatePreview> {
  const messages = renderPrompt(options.template, options.variables);
  const fallback = options.fallback ?? defaultPreviewFallback(options.template, options.variables);
  if (!options.model) return { messages, fallback, answer: { text: fallback, source: 'fallback' } };
  const started = performance.now();
  let text = '';
  try {
    for await (const chunk of options.model.stream(messages, { signal: options.signal })) text += chunk;
  } catch (error) {
    const code = error instanceof SovetnikError ? error.code : 'llm_failed';
    if (text === '') return { messages, fallback, answer: { text: fallback, source: 'fallback', model: options.model.name, error: code } };
  }
  const ms = Math.round(performance.now() - started);
  if (text === '') return { messages, fallback, answer: { text: fallback, source: 'fallback', model: options.model.name, ms } };
  return { messages, fallback, answer: { text, source: 'llm', model: options.model.name, ms } };
}
