import type { Locale } from '../activity.ts';
import type { PromptTemplate } from '../llm/prompt-template.ts';

/** Which template: one bot, use and locale (the file `prompts/<bot>/<use>.<locale>.json`). */
export interface TemplateKey {
  bot: string;
  use: string;
  locale: Locale;
}

/** The texts product managers edit; the variables stay those the code supplies (the shipped file's). */
export interface TemplateTexts {
  system: string;
  user: string;
}

/** Work in progress on top of the published version. */
export interface TemplateDraft extends TemplateTexts {
  savedAt: string;
  savedBy: string;
}

/** How a version came to be. */
export type TemplateVersionSource = 'publish' | 'rollback';

/** A published version: immutable once written. */
export interface TemplateVersion {
  /** 1, 2, 3... per key; 0 names the shipped file in rollbacks and diffs. */
  version: number;
  template: PromptTemplate;
  publishedAt: string;
  publishedBy: string;
  /** sha256 of the template's texts and variables, for the audit log. */
  hash: string;
  source: TemplateVersionSource;
  /** For a rollback: the version whose texts were restored. */
  restoredFrom?: number;
}

/** Everything known about one template. */
export interface TemplateState {
  key: TemplateKey;
  /** The file shipped with the code: the fallback, and the variables the code supplies. */
  shipped: PromptTemplate;
  /** Bumped by every change (draft save, discard, publish, rollback); writers send the revision they saw. */
  revision: number;
  draft?: TemplateDraft;
  /** The newest version, which the bot uses; none means the shipped file is in use. */
  published?: TemplateVersion;
}

/** Who changes something and which revision they saw (optimistic concurrency). */
export interface TemplateChange {
  author: string;
  expectedRevision: number;
}

/**
 * Versioned prompt templates edited in the studio. Drafts are saved over each other; publishing turns the draft
 * into a new immutable version; a rollback publishes an older version's texts again as a new version. Every
 * change names the revision its author saw and fails with a ConcurrencyError when someone changed it since.
 * Only keys of shipped templates exist; anything else is a NotFoundError.
 */
export interface TemplateStore {
  /** Every shipped template with its draft and published version, sorted by bot, use and locale. */
  list(): Promise<TemplateState[]>;
  get(key: TemplateKey): Promise<TemplateState | undefined>;
  /** Published versions, oldest first. */
  versions(key: TemplateKey): Promise<TemplateVersion[]>;
  /** One version; 0 is the shipped file (as a pseudo-version published by "shipped"). */
  version(key: TemplateKey, version: number): Promise<TemplateVersion | undefined>;
  saveDraft(key: TemplateKey, texts: TemplateTexts, change: TemplateChange): Promise<TemplateState>;
  discardDraft(key: TemplateKey, change: TemplateChange): Promise<TemplateState>;
  /** Publishes the draft as the next version; a ConflictError when there is no draft. */
  publish(key: TemplateKey, change: TemplateChange): Promise<TemplateVersion>;
  /** Publishes the texts of `version` (0: the shipped file) again as the next version; the draft is kept. */
  rollback(key: TemplateKey, version: number, change: TemplateChange): Promise<TemplateVersion>;
  /**
   * The template the bot uses at run time: the newest published version, or the shipped file when nothing was
   * published (or the published texts no longer fit the variables the code supplies). Undefined for unknown keys.
   */
  getPublished(bot: string, use: string, locale: Locale): Promise<PromptTemplate | undefined>;
  close(): Promise<void>;
}
