import { NotFoundError, ValidationError } from '../errors.ts';
import type { ChatModel } from '../llm/chat-model.ts';
import type { PromptTemplate } from '../llm/prompt-template.ts';
import { effectiveTemplate, templateHash, templateKeyId, withTexts } from '../stores/template-store-shared.ts';
import type { TemplateKey, TemplateState, TemplateStore, TemplateTexts, TemplateVersion } from '../stores/template-store.ts';
import type { AuditAction, AuditLog } from './audit-log.ts';
import { requirePermission, type StudioPrincipal } from './roles.ts';
import { checkTemplateTexts, validateTemplateTexts, type TemplateIssue } from './template-checks.ts';
import { previewTemplate, sampleVariables, type PreviewVariables, type TemplatePreview } from './template-preview.ts';
import { diffText, hasChanges, type DiffPart } from './text-diff.ts';

/** Options for {@link TemplateStudio}. */
export interface TemplateStudioOptions {
  templates: TemplateStore;
  audit: AuditLog;
  /** The resilient LLM used by previews; undefined when none is configured. */
  model?: ChatModel;
  now?: () => Date;
}

/** A row of the template list. */
export interface TemplateSummary {
  key: TemplateKey;
  /** `draft`: unpublished changes; `published`: a studio version is live; `shipped`: the file is live. */
  status: 'draft' | 'published' | 'shipped';
  revision: number;
  publishedVersion: number;
  draftSavedAt?: string;
  draftSavedBy?: string;
  publishedAt?: string;
  publishedBy?: string;
}

/** A version as listed in the history (without the texts). */
export type VersionSummary = Omit<TemplateVersion, 'template'>;

/** One template as the editor opens it. */
export interface TemplateDetail extends TemplateState {
  /** What the bot uses right now. */
  live: PromptTemplate;
  /** What the editor starts from: the draft, else the live texts. */
  working: TemplateTexts;
  versions: VersionSummary[];
  samples: PreviewVariables;
}

/** One side of a diff: a version number, the draft, or the live template. */
export type DiffRef = number | 'draft' | 'live';

/** What changed between two sides, word by word. */
export interface TemplateDiff {
  from: DiffRef;
  to: DiffRef;
  changed: boolean;
  system: DiffPart[];
  user: DiffPart[];
}

const summaryOf = ({ template: _template, ...rest }: TemplateVersion): VersionSummary => rest;

function statusOf(state: TemplateState): TemplateSummary {
  const summary: TemplateSummary = {
    key: state.key,
    status: state.draft ? 'draft' : state.published ? 'published' : 'shipped',
    revision: state.revision,
    publishedVersion: state.published?.version ?? 0,
  };
  if (state.draft) Object.assign(summary, { draftSavedAt: state.draft.savedAt, draftSavedBy: state.draft.savedBy });
  if (state.published) Object.assign(summary, { publishedAt: state.published.publishedAt, publishedBy: state.published.publishedBy });
  return summary;
}

/**
 * The studio's template work: every call names who acts, checks their role, and records each change in the audit
 * log with the content hashes before and after.
 */
export class TemplateStudio {
  readonly #templates: TemplateStore;
  readonly #audit: AuditLog;
  readonly #model?: ChatModel;
  readonly #now: () => Date;

  constructor(options: TemplateStudioOptions) {
    this.#templates = options.templates;
    this.#audit = options.audit;
    this.#model = options.model;
    this.#now = options.now ?? (() => new Date());
  }

  /** Whether previews ask a model. */
  get llmConfigured(): boolean {
    return this.#model !== undefined;
  }

  async list(actor: StudioPrincipal): Promise<TemplateSummary[]> {
    requirePermission(actor, 'read');
    return (await this.#templates.list()).map(statusOf);
  }

  async get(actor: StudioPrincipal, key: TemplateKey): Promise<TemplateDetail> {
    requirePermission(actor, 'read');
    const state = await this.#state(key);
    const live = effectiveTemplate(state.shipped, state.published);
    const working = state.draft ? { system: state.draft.system, user: state.draft.user } : { system: live.system, user: live.user };
    const versions = (await this.#templates.versions(key)).map(summaryOf);
    return { ...state, live, working, versions, samples: sampleVariables(state.shipped) };
  }

  async version(actor: StudioPrincipal, key: TemplateKey, version: number): Promise<TemplateVersion> {
    requirePermission(actor, 'read');
    const found = await this.#templates.version(key, version);
    if (!found) throw new NotFoundError('template version', `${templateKeyId(key)}#${version}`);
    return found;
  }

  /** Live validation: every issue of the texts, without saving. */
  async check(actor: StudioPrincipal, key: TemplateKey, texts: TemplateTexts): Promise<TemplateIssue[]> {
    requirePermission(actor, 'read');
    return checkTemplateTexts((await this.#state(key)).shipped, texts);
  }

  async saveDraft(actor: StudioPrincipal, key: TemplateKey, texts: TemplateTexts, expectedRevision: number): Promise<TemplateDetail> {
    requirePermission(actor, 'edit');
    const before = await this.#state(key);
    const template = validateTemplateTexts(before.shipped, texts);
    await this.#templates.saveDraft(key, texts, { author: actor.username, expectedRevision });
    await this.#record(actor, 'draft_saved', key, this.#workingHash(before), templateHash(template), { revision: expectedRevision + 1 });
    return this.get(actor, key);
  }

  async discardDraft(actor: StudioPrincipal, key: TemplateKey, expectedRevision: number): Promise<TemplateDetail> {
    requirePermission(actor, 'edit');
    const before = await this.#state(key);
    const after = await this.#templates.discardDraft(key, { author: actor.username, expectedRevision });
    await this.#record(actor, 'draft_discarded', key, this.#workingHash(before), this.#workingHash(after), {});
    return this.get(actor, key);
  }

  async preview(actor: StudioPrincipal, key: TemplateKey, input: { texts?: TemplateTexts; variables?: PreviewVariables }): Promise<TemplatePreview> {
    requirePermission(actor, 'preview');
    const state = await this.#state(key);
    const base = effectiveTemplate(state.shipped, state.published);
    const template = input.texts ? validateTemplateTexts(state.shipped, input.texts) : base;
    const variables = input.variables ?? sampleVariables(state.shipped);
    const unknown = Object.keys(variables).filter((name) => !(name in state.shipped.variables));
    if (unknown.length > 0) throw new ValidationError(`unknown preview variables: ${unknown.join(', ')}`);
    return previewTemplate({ template, variables, model: this.#model });
  }

  async publish(actor: StudioPrincipal, key: TemplateKey, expectedRevision: number): Promise<TemplateVersion> {
    requirePermission(actor, 'publish');
    const before = await this.#state(key);
    const version = await this.#templates.publish(key, { author: actor.username, expectedRevision });
    await this.#record(actor, 'published', key, this.#liveHash(before), version.hash, { version: version.version });
    return version;
  }

  async rollback(actor: StudioPrincipal, key: TemplateKey, target: number, expectedRevision: number): Promise<TemplateVersion> {
    requirePermission(actor, 'rollback');
    const before = await this.#state(key);
    const version = await this.#templates.rollback(key, target, { author: actor.username, expectedRevision });
    await this.#record(actor, 'rolled_back', key, this.#liveHash(before), version.hash, { version: version.version, restoredFrom: target });
    return version;
  }

  async diff(actor: StudioPrincipal, key: TemplateKey, from: DiffRef, to: DiffRef): Promise<TemplateDiff> {
    requirePermission(actor, 'read');
    const state = await this.#state(key);
    const [a, b] = await Promise.all([this.#side(state, from), this.#side(state, to)]);
    const system = diffText(a.system, b.system);
    const user = diffText(a.user, b.user);
    return { from, to, changed: hasChanges(system) || hasChanges(user), system, user };
  }

  async #side(state: TemplateState, ref: DiffRef): Promise<TemplateTexts> {
    if (ref === 'live') return effectiveTemplate(state.shipped, state.published);
    if (ref === 'draft') {
      if (!state.draft) throw new NotFoundError('draft', templateKeyId(state.key));
      return state.draft;
    }
    const version = await this.#templates.version(state.key, ref);
    if (!version) throw new NotFoundError('template version', `${templateKeyId(state.key)}#${ref}`);
    return version.template;
  }

  async #state(key: TemplateKey): Promise<TemplateState> {
    const state = await this.#templates.get(key);
    if (!state) throw new NotFoundError('prompt template', templateKeyId(key));
    return state;
  }

  #liveHash(state: TemplateState): string {
    return templateHash(effectiveTemplate(state.shipped, state.published));
  }

  #workingHash(state: TemplateState): string {
    return state.draft ? templateHash(withTexts(state.shipped, state.draft)) : this.#liveHash(state);
  }

  async #record(actor: StudioPrincipal, action: AuditAction, key: TemplateKey, beforeHash: string, afterHash: string, details: Record<string, unknown>) {
    await this.#audit.append({
      at: this.#now().toISOString(), actor: actor.username, action, target: `template:${templateKeyId(key)}`, beforeHash, afterHash, details,
    });
  }
}
