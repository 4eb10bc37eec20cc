import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import type { Locale } from '../activity.ts';
import type { ChatMessage } from './chat-model.ts';

/** The type of a template variable, as product managers see it in the studio. */
export type PromptVariableType = 'string' | 'number' | 'list';

/** A variable a template may use, with a description for the studio. */
export interface PromptVariable {
  type: PromptVariableType;
  description: string;
  required?: boolean;
}

/** A prompt template for one bot, use and locale: the data files in `prompts/`. */
export interface PromptTemplate {
  bot: string;
  use: string;
  locale: Locale;
  system: string;
  user: string;
  variables: Record<string, PromptVariable>;
}

/** The schema of a prompt template file. */
export const promptTemplateSchema = z.strictObject({
  bot: z.string().min(1),
  use: z.string().min(1),
  locale: z.enum(['ru', 'en']),
  system: z.string().min(1).max(20_000),
  user: z.string().min(1).max(20_000),
  variables: z.record(
    z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/),
    z.strictObject({ type: z.enum(['string', 'number', 'list']), description: z.string(), required: z.boolean().optional() }),
  ),
});

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

/** Names used in a template text. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/**
 * Checks that a template only uses declared variables, so an edit in the studio cannot ship a prompt
 * with a typo that silently renders empty.
 */
export function validatePromptTemplate(input: unknown): PromptTemplate {
  const parsed = promptTemplateSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(`invalid prompt template: ${z.prettifyError(parsed.error)}`);
  const template = parsed.data;
  const unknown = [...placeholders(template.system), ...placeholders(template.user)].filter((name) => !(name in template.variables));
  if (unknown.length > 0) throw new ValidationError(`prompt template uses undeclared variables: ${[...new Set(unknown)].join(', ')}`);
  return template;
}

function format(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `- ${String(v)}`).join('\n');
  return String(value);
}

/** Renders a template into chat messages; a missing required variable is a ValidationError. */
export function renderPrompt(template: PromptTemplate, vars: Record<string, unknown>): ChatMessage[] {
  for (const [name, spec] of Object.entries(template.variables)) {
    if (spec.required && (vars[name] === undefined || vars[name] === null)) {
      throw new ValidationError(`prompt ${template.bot}/${template.use}/${template.locale} needs the variable '${name}'`);
    }
  }
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => (vars[name] === undefined ? '' : format(vars[name])));
  return [
    { role: 'system', content: fill(template.system) },
    { role: 'user', content: fill(template.user) },
  ];
}
