import { ValidationError } from '../errors.ts';
import { placeholders, validatePromptTemplate, type PromptTemplate } from '../llm/prompt-template.ts';
import { withTexts } from '../stores/template-store-shared.ts';
import type { TemplateTexts } from '../stores/template-store.ts';

/** The largest system or user text (the template schema's limit). */
export const MAX_TEXT_LENGTH = 20_000;

/** One problem with an edited template, precise enough for the editor to point at it. */
export interface TemplateIssue {
  code: 'undeclared_variable' | 'missing_required_variable' | 'empty_text' | 'text_too_long' | 'malformed_placeholder';
  field: 'system' | 'user' | 'template';
  variable?: string;
  message: string;
}

const FIELDS = ['system', 'user'] as const;

/** `{{` ... `}}` runs that are not a valid placeholder, like `{{ user name }}` or an unclosed `{{items`. */
function malformed(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\{\{([^{}]*)(\}\}|$|(?=\{))/g)) {
    if (match[2] !== '}}' || !/^\s*[a-zA-Z_][a-zA-Z0-9_]*\s*$/.test(match[1] as string)) found.push(match[0].slice(0, 40));
  }
  return found;
}

function fieldIssues(field: 'system' | 'user', text: string, declared: Record<string, unknown>): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  if (text.trim() === '') issues.push({ code: 'empty_text', field, message: `the ${field} text is empty` });
  if (text.length > MAX_TEXT_LENGTH) {
    issues.push({ code: 'text_too_long', field, message: `the ${field} text has ${text.length} characters; at most ${MAX_TEXT_LENGTH}` });
  }
  for (const name of new Set(placeholders(text))) {
    if (!(name in declared)) {
      const known = Object.keys(declared).join(', ') || 'none';
      issues.push({ code: 'undeclared_variable', field, variable: name, message: `{{${name}}} in the ${field} text is not a declared variable (declared: ${known})` });
    }
  }
  for (const bad of malformed(text)) {
    issues.push({ code: 'malformed_placeholder', field, message: `'${bad}' in the ${field} text is not a valid placeholder; write {{name}}` });
  }
  return issues;
}

/**
 * Every problem of edited texts against the shipped template's variables: undeclared or malformed placeholders,
 * required variables never used, empty or too long texts. An empty list means the texts can be saved.
 */
export function checkTemplateTexts(shipped: PromptTemplate, texts: TemplateTexts): TemplateIssue[] {
  const issues = FIELDS.flatMap((field) => fieldIssues(field, texts[field], shipped.variables));
  const used = new Set([...placeholders(texts.system), ...placeholders(texts.user)]);
  for (const [name, spec] of Object.entries(shipped.variables)) {
    if (spec.required && !used.has(name)) {
      issues.push({ code: 'missing_required_variable', field: 'template', variable: name, message: `the required variable {{${name}}} (${spec.description}) is not used` });
    }
  }
  return issues;
}

/** The edited template, or a ValidationError (400) listing every issue; `details` holds them for the editor. */
export function validateTemplateTexts(shipped: PromptTemplate, texts: TemplateTexts): PromptTemplate {
  const issues = checkTemplateTexts(shipped, texts);
  if (issues.length > 0) throw new ValidationError(issues.map((i) => i.message).join('; '), { details: issues });
  // The schema check of prompt-template.ts too, so the studio can never save what the loader would refuse.
  return validatePromptTemplate(withTexts(shipped, texts));
}
