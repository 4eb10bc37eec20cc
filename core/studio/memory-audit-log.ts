import { auditLimit, cleanAuditRecord, type AuditEntry, type AuditLog, type AuditQuery, type AuditRecord } from './audit-log.ts';

/** The audit log in memory (the embedded default); ids are zero-padded sequence numbers. */
export class MemoryAuditLog implements AuditLog {
  readonly #entries: AuditEntry[] = [];

  async append(record: AuditRecord): Promise<AuditEntry> {
    const entry: AuditEntry = { id: String(this.#entries.length + 1).padStart(12, '0'), ...structuredClone(cleanAuditRecord(record)) };
    this.#entries.push(entry);
    return structuredClone(entry);
  }

  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    const limit = auditLimit(query);
    for (let i = this.#entries.length - 1; i >= 0 && out.length < limit; i--) {
      const entry = this.#entries[i] as AuditEntry;
      if (query.before !== undefined && entry.id >= query.before) continue;
      if (query.target !== undefined && entry.target !== query.target) continue;
      out.push(structuredClone(entry));
    }
    return out;
  }

  async close(): Promise<void> {}
}
