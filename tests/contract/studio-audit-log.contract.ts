import { afterAll, describe, expect, it } from 'vitest';
import type { AuditLog, AuditRecord } from '../../core/studio/audit-log.ts';

/** Creates an empty audit log. */
export interface AuditLogFactory {
  create(): Promise<AuditLog>;
}

const record = (n: number, extra: Partial<AuditRecord> = {}): AuditRecord => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(), actor: `user${n % 3}`, action: 'draft_saved',
  target: n % 2 === 0 ? 'template:a/b/en' : 'template:a/b/ru', beforeHash: `sha256:${n}`, afterHash: `sha256:${n + 1}`, details: { n }, ...extra,
});

/** The shared contract of {@link AuditLog}. */
export function auditLogContract(name: string, factory: AuditLogFactory): void {
  describe(`AuditLog contract: ${name}`, () => {
    const opened: AuditLog[] = [];
    const open = async () => {
      const log = await factory.create();
      opened.push(log);
      return log;
    };
    afterAll(async () => Promise.all(opened.map((s) => s.close())));

    it('appends records with increasing ids and lists them newest first, exactly as written', async () => {
      const log = await open();
      expect(await log.list()).toEqual([]);
      const entries = [];
      for (let n = 1; n <= 5; n++) entries.push(await log.append(record(n)));
      const ids = entries.map((e) => e.id);
      expect([...ids].sort()).toEqual(ids);
      expect(new Set(ids).size).toBe(5);
      const listed = await log.list();
      expect(listed.map((e) => e.details?.n)).toEqual([5, 4, 3, 2, 1]);
      expect(listed[4]).toEqual({ id: ids[0], ...record(1) });
    });

    it('pages with limit and before, and filters by target', async () => {
      const log = await open();
      for (let n = 1; n <= 7; n++) await log.append(record(n, n === 3 ? { action: 'login_failed', target: 'session', beforeHash: undefined, afterHash: undefined } : {}));
      const page1 = await log.list({ limit: 3 });
      expect(page1.map((e) => e.details?.n)).toEqual([7, 6, 5]);
      const page2 = await log.list({ limit: 3, before: page1.at(-1)!.id });
      expect(page2.map((e) => e.details?.n)).toEqual([4, 3, 2]);
      const page3 = await log.list({ limit: 3, before: page2.at(-1)!.id });
      expect(page3.map((e) => e.details?.n)).toEqual([1]);
      expect((await log.list({ target: 'template:a/b/en' })).map((e) => e.details?.n)).toEqual([6, 4, 2]);
      const failed = (await log.list({ target: 'session' }))[0];
      expect(failed).toMatchObject({ action: 'login_failed', actor: 'user0' });
      expect(failed).not.toHaveProperty('beforeHash');
    });

    it('offers no way to change or remove a record', async () => {
      const log = await open();
      const entry = await log.append(record(1));
      entry.actor = 'mallory';
      const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(log));
      expect(methods).toEqual(expect.arrayContaining(['append', 'list']));
      expect(methods.filter((m) => /update|delete|remove|clear|set|edit|purge|replace|truncate/i.test(m))).toEqual([]);
      expect((await log.list())[0]?.actor).toBe('user1');
    });
  });
}
