/** What happened, as the audit log names it. */
export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'draft_saved'
  | 'draft_discarded'
  | 'published'
  | 'rolled_back'
  | 'user_created'
  | 'user_updated';

/** One audit record: who did what to which thing, when, and the content hashes before and after. */
export interface AuditEntry {
  /** Opaque, increasing with time; used as the paging cursor. */
  id: string;
  at: string;
  /** The studio username (or the name tried, for a failed login). */
  actor: string;
  action: AuditAction;
  /** What was changed: `template:bot/use/locale`, `user:name`, `session`. */
  target: string;
  beforeHash?: string;
  afterHash?: string;
  /** Small, safe facts (version numbers, role changes, the client address); never passwords or texts. */
  details?: Record<string, unknown>;
}

/** A new record; the log assigns the id. */
export type AuditRecord = Omit<AuditEntry, 'id'>;

/** How to read the log: newest first, `limit` at most, older than `before` when paging. */
export interface AuditQuery {
  limit?: number;
  before?: string;
  target?: string;
}

/** The append-only audit log: there is deliberately no way to change or delete a record through it. */
export interface AuditLog {
  append(record: AuditRecord): Promise<AuditEntry>;
  /** Newest first; `limit` defaults to 50 and is capped at 500. */
  list(query?: AuditQuery): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

/** The effective page size of a query. */
export function auditLimit(query: AuditQuery = {}): number {
  return Math.max(1, Math.min(500, Math.floor(query.limit ?? 50)));
}

/** A record without undefined fields, so every log stores and returns the same shape. */
export function cleanAuditRecord(record: AuditRecord): AuditRecord {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as AuditRecord;
}
