import type { Locale } from '../activity.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { PromptTemplate } from '../llm/prompt-template.ts';
import type {
  TemplateChange, TemplateDraft, TemplateKey, TemplateState, TemplateStore, TemplateTexts, TemplateVersion,
} from './template-store.ts';
import {
  checkRevision, effectiveTemplate, indexShipped, requireShipped, shippedVersion, sortedShipped, templateHash, templateKeyId, withTexts,
} from './template-store-shared.ts';

/** Options for {@link MemoryTemplateStore}. */
export interface MemoryTemplateStoreOptions {
  /** The templates shipped in `prompts/` (see loadPromptTemplates). */
  shipped: readonly PromptTemplate[];
  /** The clock, replaceable in tests. */
  now?: () => Date;
}

interface Entry {
  revision: number;
  draft?: TemplateDraft;
  versions: TemplateVersion[];
}

/** The embedded-default template store: drafts and versions in memory, seeded with the shipped files. */
export class MemoryTemplateStore implements TemplateStore {
  readonly #shipped: Map<string, PromptTemplate>;
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => Date;

  constructor(options: MemoryTemplateStoreOptions) {
    this.#shipped = indexShipped(options.shipped);
    this.#now = options.now ?? (() => new Date());
  }

  async list(): Promise<TemplateState[]> {
    return sortedShipped(this.#shipped).map((shipped) => this.#state(shipped, shipped));
  }

  async get(key: TemplateKey): Promise<TemplateState | undefined> {
    const shipped = this.#shipped.get(templateKeyId(key));
    return shipped ? this.#state(shipped, key) : undefined;
  }

  async versions(key: TemplateKey): Promise<TemplateVersion[]> {
    requireShipped(this.#shipped, key);
    return structuredClone(this.#entry(key).versions);
  }

  async version(key: TemplateKey, version: number): Promise<TemplateVersion | undefined> {
    const shipped = this.#shipped.get(templateKeyId(key));
    if (!shipped) return undefined;
    if (version === 0) return shippedVersion(structuredClone(shipped));
    const found = this.#entry(key).versions.find((v) => v.version === version);
    return found ? structuredClone(found) : undefined;
  }

  async saveDraft(key: TemplateKey, texts: TemplateTexts, change: TemplateChange): Promise<TemplateState> {
    const shipped = requireShipped(this.#shipped, key);
    const entry = this.#entry(key);
    checkRevision(key, change, entry.revision);
    entry.draft = { system: texts.system, user: texts.user, savedAt: this.#now().toISOString(), savedBy: change.author };
    entry.revision += 1;
    return this.#state(shipped, key);
  }

  async discardDraft(key: TemplateKey, change: TemplateChange): Promise<TemplateState> {
    const shipped = requireShipped(this.#shipped, key);
    const entry = this.#entry(key);
    checkRevision(key, change, entry.revision);
    if (!entry.draft) throw new ConflictError(`${templateKeyId(key)} has no draft to discard`);
    delete entry.draft;
    entry.revision += 1;
    return this.#state(shipped, key);
  }

  async publish(key: TemplateKey, change: TemplateChange): Promise<TemplateVersion> {
    const shipped = requireShipped(this.#shipped, key);
    const entry = this.#entry(key);
    checkRevision(key, change, entry.revision);
    if (!entry.draft) throw new ConflictError(`${templateKeyId(key)} has no draft to publish`);
    const version = this.#append(entry, withTexts(shipped, entry.draft), change.author, { source: 'publish' });
    delete entry.draft;
    return version;
  }

  async rollback(key: TemplateKey, target: number, change: TemplateChange): Promise<TemplateVersion> {
    const shipped = requireShipped(this.#shipped, key);
    const entry = this.#entry(key);
    checkRevision(key, change, entry.revision);
    const from = target === 0 ? shippedVersion(shipped) : entry.versions.find((v) => v.version === target);
    if (!from) throw new NotFoundError('template version', `${templateKeyId(key)}#${target}`);
    return this.#append(entry, withTexts(shipped, from.template), change.author, { source: 'rollback', restoredFrom: target });
  }

  async getPublished(bot: string, use: string, locale: Locale): Promise<PromptTemplate | undefined> {
    const shipped = this.#shipped.get(templateKeyId({ bot, use, locale }));
    if (!shipped) return undefined;
    return structuredClone(effectiveTemplate(shipped, this.#entries.get(templateKeyId(shipped))?.versions.at(-1)));
  }

  async close(): Promise<void> {}

  #entry(key: TemplateKey): Entry {
    const id = templateKeyId(key);
    let entry = this.#entries.get(id);
    if (!entry) {
      entry = { revision: 0, versions: [] };
      this.#entries.set(id, entry);
    }
    return entry;
  }

  #append(entry: Entry, template: PromptTemplate, author: string, how: Pick<TemplateVersion, 'source' | 'restoredFrom'>): TemplateVersion {
    const version: TemplateVersion = {
      version: (entry.versions.at(-1)?.version ?? 0) + 1,
      template,
      publishedAt: this.#now().toISOString(),
      publishedBy: author,
      hash: templateHash(template),
      ...how,
    };
    entry.versions.push(version);
    entry.revision += 1;
    return structuredClone(version);
  }

  #state(shipped: PromptTemplate, key: TemplateKey): TemplateState {
    const entry = this.#entries.get(templateKeyId(key));
    const state: TemplateState = {
      key: { bot: shipped.bot, use: shipped.use, locale: shipped.locale },
      shipped: structuredClone(shipped),
      revision: entry?.revision ?? 0,
    };
    if (entry?.draft) state.draft = { ...entry.draft };
    const latest = entry?.versions.at(-1);
    if (latest) state.published = structuredClone(latest);
    return state;
  }
}
