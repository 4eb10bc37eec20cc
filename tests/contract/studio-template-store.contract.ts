import { afterAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, ConflictError, NotFoundError } from '../../core/errors.ts';
import type { PromptTemplate } from '../../core/llm/prompt-template.ts';
import { templateHash } from '../../core/stores/template-store-shared.ts';
import type { TemplateKey, TemplateStore } from '../../core/stores/template-store.ts';

/** Creates an empty template store seeded with these shipped templates. */
export interface TemplateStoreFactory {
  create(shipped: PromptTemplate[]): Promise<TemplateStore>;
  /** A second store over the same data with other shipped files (persistent stores only). */
  reopen?(store: TemplateStore, shipped: PromptTemplate[]): Promise<TemplateStore>;
}

const shippedEn: PromptTemplate = {
  bot: 'bot-a',
  use: 'recommend',
  locale: 'en',
  system: 'You are a helpful assistant.',
  user: 'Request: {{request}}\nItems:\n{{items}}',
  variables: {
    request: { type: 'string', description: 'what the shopper wrote', required: true },
    items: { type: 'list', description: 'the products', required: true },
    budget: { type: 'number', description: 'the budget' },
  },
};
const shippedRu: PromptTemplate = { ...shippedEn, locale: 'ru', system: 'Ты помощник.', user: 'Запрос: {{request}}\n{{items}}' };
const other: PromptTemplate = { ...shippedEn, bot: 'bot-a', use: 'greet', user: 'Hello {{request}} {{items}}' };

const EN: TemplateKey = { bot: 'bot-a', use: 'recommend', locale: 'en' };
const RU: TemplateKey = { bot: 'bot-a', use: 'recommend', locale: 'ru' };
const by = (author: string, expectedRevision: number) => ({ author, expectedRevision });

/** The shared contract of {@link TemplateStore}. */
export function templateStoreContract(name: string, factory: TemplateStoreFactory): void {
  describe(`TemplateStore contract: ${name}`, () => {
    const opened: TemplateStore[] = [];
    const open = async (shipped = [shippedEn, shippedRu, other]) => {
      const store = await factory.create(shipped);
      opened.push(store);
      return store;
    };
    afterAll(async () => Promise.all(opened.map((s) => s.close())));

    it('lists the shipped templates in key order, untouched, and serves them as published', async () => {
      const store = await open();
      const list = await store.list();
      expect(list.map((s) => `${s.key.bot}/${s.key.use}/${s.key.locale}`)).toEqual(['bot-a/greet/en', 'bot-a/recommend/en', 'bot-a/recommend/ru']);
      expect(list.every((s) => s.revision === 0 && !s.draft && !s.published)).toBe(true);
      expect(await store.getPublished('bot-a', 'recommend', 'en')).toEqual(shippedEn);
      expect(await store.getPublished('bot-a', 'nothing', 'en')).toBeUndefined();
      expect(await store.get({ bot: 'bot-b', use: 'recommend', locale: 'en' })).toBeUndefined();
      expect(await store.versions(EN)).toEqual([]);
    });

    it('saves drafts over each other with optimistic concurrency; a stale revision is a ConcurrencyError', async () => {
      const store = await open();
      const first = await store.saveDraft(EN, { system: 'S1', user: 'U1 {{request}} {{items}}' }, by('ed', 0));
      expect(first.revision).toBe(1);
      expect(first.draft).toMatchObject({ system: 'S1', user: 'U1 {{request}} {{items}}', savedBy: 'ed' });
      expect(Date.parse(first.draft!.savedAt)).not.toBeNaN();
      const second = await store.saveDraft(EN, { system: 'S2', user: 'U2 {{request}} {{items}}' }, by('ann', 1));
      expect(second.revision).toBe(2);
      const stale = store.saveDraft(EN, { system: 'S3', user: 'U3' }, by('ed', 1));
      await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      expect((await store.get(EN))?.draft?.system).toBe('S2');
      // A draft is not live, and other keys are independent.
      expect(await store.getPublished('bot-a', 'recommend', 'en')).toEqual(shippedEn);
      expect((await store.get(RU))?.revision).toBe(0);
    });

    it('two writers racing from the same revision: exactly one wins', async () => {
      const store = await open();
      const results = await Promise.allSettled([
        store.saveDraft(EN, { system: 'A', user: 'A {{request}} {{items}}' }, by('a', 0)),
        store.saveDraft(EN, { system: 'B', user: 'B {{request}} {{items}}' }, by('b', 0)),
        store.saveDraft(EN, { system: 'C', user: 'C {{request}} {{items}}' }, by('c', 0)),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ConcurrencyError)).toBe(true);
      expect((await store.get(EN))?.revision).toBe(1);
    });

    it('publishes the draft as an immutable version that getPublished returns, with the shipped variables', async () => {
      const store = await open();
      await expect(store.publish(EN, by('pub', 0))).rejects.toBeInstanceOf(ConflictError);
      await store.saveDraft(EN, { system: 'New system', user: 'New {{request}} {{items}}' }, by('ed', 0));
      await expect(store.publish(EN, by('pub', 0))).rejects.toBeInstanceOf(ConcurrencyError);
      const v1 = await store.publish(EN, by('pub', 1));
      expect(v1).toMatchObject({ version: 1, publishedBy: 'pub', source: 'publish' });
      expect(v1.template).toEqual({ ...shippedEn, system: 'New system', user: 'New {{request}} {{items}}' });
      expect(v1.hash).toBe(templateHash(v1.template));
      const state = await store.get(EN);
      expect(state?.draft).toBeUndefined();
      expect(state?.revision).toBe(2);
      expect(state?.published?.version).toBe(1);
      expect(await store.getPublished('bot-a', 'recommend', 'en')).toEqual(v1.template);
      expect(await store.getPublished('bot-a', 'recommend', 'ru')).toEqual(shippedRu);
      // Nothing left to publish.
      await expect(store.publish(EN, by('pub', 2))).rejects.toBeInstanceOf(ConflictError);
      // Editing after publishing leaves the published version as it was.
      await store.saveDraft(EN, { system: 'Later', user: 'Later {{request}} {{items}}' }, by('ed', 2));
      expect((await store.version(EN, 1))?.template.system).toBe('New system');
      expect((await store.getPublished('bot-a', 'recommend', 'en'))?.system).toBe('New system');
    });

    it('rolls back by publishing an older version (or the shipped file, version 0) again; history only grows', async () => {
      const store = await open();
      await store.saveDraft(EN, { system: 'one', user: 'one {{request}} {{items}}' }, by('ed', 0));
      await store.publish(EN, by('pub', 1));
      await store.saveDraft(EN, { system: 'two', user: 'two {{request}} {{items}}' }, by('ed', 2));
      await store.publish(EN, by('pub', 3));
      expect((await store.getPublished('bot-a', 'recommend', 'en'))?.system).toBe('two');
      await expect(store.rollback(EN, 1, by('pub', 3))).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.rollback(EN, 9, by('pub', 4))).rejects.toBeInstanceOf(NotFoundError);
      const v3 = await store.rollback(EN, 1, by('pub', 4));
      expect(v3).toMatchObject({ version: 3, source: 'rollback', restoredFrom: 1, publishedBy: 'pub' });
      expect((await store.getPublished('bot-a', 'recommend', 'en'))?.system).toBe('one');
      const v4 = await store.rollback(EN, 0, by('pub', 5));
      expect(v4).toMatchObject({ version: 4, restoredFrom: 0 });
      expect(await store.getPublished('bot-a', 'recommend', 'en')).toEqual(shippedEn);
      const versions = await store.versions(EN);
      expect(versions.map((v) => [v.version, v.template.system])).toEqual([[1, 'one'], [2, 'two'], [3, 'one'], [4, shippedEn.system]]);
      expect((await store.version(EN, 0))?.template).toEqual(shippedEn);
      expect(await store.version(EN, 42)).toBeUndefined();
    });

    it('keeps the draft across a rollback, and discards it on request', async () => {
      const store = await open();
      await store.saveDraft(EN, { system: 'v1', user: 'v1 {{request}} {{items}}' }, by('ed', 0));
      await store.publish(EN, by('pub', 1));
      await store.saveDraft(EN, { system: 'wip', user: 'wip {{request}} {{items}}' }, by('ed', 2));
      await store.rollback(EN, 0, by('pub', 3));
      expect((await store.get(EN))?.draft?.system).toBe('wip');
      await expect(store.discardDraft(EN, by('ed', 3))).rejects.toBeInstanceOf(ConcurrencyError);
      const after = await store.discardDraft(EN, by('ed', 4));
      expect(after.draft).toBeUndefined();
      expect(after.revision).toBe(5);
      await expect(store.discardDraft(EN, by('ed', 5))).rejects.toBeInstanceOf(ConflictError);
    });

    it('refuses keys that are not shipped', async () => {
      const store = await open();
      const ghost: TemplateKey = { bot: 'ghost', use: 'x', locale: 'en' };
      await expect(store.saveDraft(ghost, { system: 's', user: 'u' }, by('ed', 0))).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.publish(ghost, by('ed', 0))).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.rollback(ghost, 0, by('ed', 0))).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.version(ghost, 0)).toBeUndefined();
    });

    it('falls back to the shipped file when published texts use a variable the code no longer supplies', async () => {
      const first = await open([shippedEn]);
      await first.saveDraft(EN, { system: 'budget {{budget}}', user: 'u {{request}} {{items}}' }, by('ed', 0));
      await first.publish(EN, by('pub', 1));
      expect((await first.getPublished('bot-a', 'recommend', 'en'))?.system).toBe('budget {{budget}}');
      // Simulates a deploy that dropped `budget`: a new store over the same data with new shipped variables.
      const { budget: _dropped, ...variables } = shippedEn.variables;
      const reshipped = { ...shippedEn, variables };
      const reopened = await factory.reopen?.(first, [reshipped]);
      if (!reopened) return;
      opened.push(reopened);
      expect(await reopened.getPublished('bot-a', 'recommend', 'en')).toEqual(reshipped);
    });
  });
}
