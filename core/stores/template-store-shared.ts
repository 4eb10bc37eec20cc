import { createHash } from 'node:crypto';
import { ConcurrencyError, NotFoundError } from '../errors.ts';
import { placeholders, type PromptTemplate } from '../llm/prompt-template.ts';
import type { TemplateChange, TemplateKey, TemplateTexts, TemplateVersion } from './template-store.ts';

/** The string id of a key, `bot/use/locale`, used in maps, documents and the audit log. */
export function templateKeyId(key: TemplateKey): string {
  return `${key.bot}/${key.use}/${key.locale}`;
}

/** The shipped templates by key id; a duplicate key is a programming error in `prompts/`. */
export function indexShipped(shipped: readonly PromptTemplate[]): Map<string, PromptTemplate> {
  const byId = new Map<string, PromptTemplate>();
  for (const template of shipped) {
    const id = templateKeyId(template);
    if (byId.has(id)) throw new Error(`two shipped prompt templates for ${id}`);
    byId.set(id, template);
  }
  return byId;
}

/** The shipped template of a key, or a NotFoundError: only shipped templates can be edited. */
export function requireShipped(shipped: Map<string, PromptTemplate>, key: TemplateKey): PromptTemplate {
  const template = shipped.get(templateKeyId(key));
  if (!template) throw new NotFoundError('prompt template', templateKeyId(key));
  return template;
}

/** Shipped templates sorted by bot, use and locale. */
export function sortedShipped(shipped: Map<string, PromptTemplate>): PromptTemplate[] {
  return [...shipped.values()].sort((a, b) => templateKeyId(a).localeCompare(templateKeyId(b)));
}

/** A template with edited texts and the shipped variables. */
export function withTexts(shipped: PromptTemplate, texts: TemplateTexts): PromptTemplate {
  return { ...shipped, system: texts.system, user: texts.user, variables: structuredClone(shipped.variables) };
}

/** A stable sha256 of what a template says and declares (key order does not matter). */
export function templateHash(template: Pick<PromptTemplate, 'system' | 'user' | 'variables'>): string {
  const variables = Object.keys(template.variables)
    .sort()
    .map((name) => [name, template.variables[name]?.type, template.variables[name]?.required === true, template.variables[name]?.description]);
  const canonical = JSON.stringify([template.system, template.user, variables]);
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

/** The shipped file as version 0, so rollbacks and diffs can name it like any version. */
export function shippedVersion(shipped: PromptTemplate): TemplateVersion {
  return { version: 0, template: shipped, publishedAt: new Date(0).toISOString(), publishedBy: 'shipped', hash: templateHash(shipped), source: 'publish' };
}

/**
 * What the bot should use: the published texts with the variables the code supplies today. If a later deploy
 * dropped a variable the published texts still use, they would render a hole, so the shipped file wins then.
 */
export function effectiveTemplate(shipped: PromptTemplate, published: TemplateVersion | undefined): PromptTemplate {
  if (!published) return shipped;
  const used = [...placeholders(published.template.system), ...placeholders(published.template.user)];
  if (used.some((name) => !(name in shipped.variables))) return shipped;
  return withTexts(shipped, published.template);
}

/** Throws the 409 of optimistic concurrency when the revision moved on. */
export function checkRevision(key: TemplateKey, change: TemplateChange, actual: number): void {
  if (change.expectedRevision !== actual) throw new ConcurrencyError(templateKeyId(key), change.expectedRevision, actual);
}
