import { MemoryTemplateStore } from '../../core/stores/template-store-memory.ts';
import { MemoryAuditLog } from '../../core/studio/memory-audit-log.ts';
import { MemoryStudioUserStore } from '../../core/studio/memory-studio-user-store.ts';
import { auditLogContract } from './studio-audit-log.contract.ts';
import { templateStoreContract } from './studio-template-store.contract.ts';
import { studioUserStoreContract } from './studio-user-store.contract.ts';

templateStoreContract('memory', { create: async (shipped) => new MemoryTemplateStore({ shipped }) });
studioUserStoreContract('memory', { create: async () => new MemoryStudioUserStore() });
auditLogContract('memory', { create: async () => new MemoryAuditLog() });
